<?php
/**
 * LicenseSchema: the license key format, statuses, caches, timeouts, Dev Mode hosts and license-server routes.
 *
 * Generated from plugin/schema/license.ts by codegen/emitters/license.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * What the license runtime (activation, checks, Dev Mode, private updates) works with.
 */
final class LicenseSchema {

	/**
	 * Text before the first dash of every key.
	 */
	public const KEY_PREFIX = 'WPAB';

	/**
	 * A whole key, as a regular expression without delimiters (input is trimmed and upper-cased first).
	 */
	public const KEY_PATTERN = '^WPAB-[A-Z0-9]{12}-[A-Z0-9]{12}$';

	/**
	 * Characters of a key.
	 */
	public const KEY_LENGTH = 30;

	/**
	 * Characters at the end of a key a masked key shows.
	 */
	public const KEY_VISIBLE_TAIL = 4;

	/**
	 * What a masked key shows instead of every other character but the prefix and the dashes.
	 */
	public const KEY_MASK_CHARACTER = '*';

	/**
	 * Active: The license server accepted the key.
	 */
	public const STATUS_ACTIVE = 'active';

	/**
	 * Inactive: No active license state is stored locally.
	 */
	public const STATUS_INACTIVE = 'inactive';

	/**
	 * Expired: The license server reported an expired license.
	 */
	public const STATUS_EXPIRED = 'expired';

	/**
	 * Invalid: The stored key was rejected.
	 */
	public const STATUS_INVALID = 'invalid';

	/**
	 * Dev Mode: Development-domain bypass is active.
	 */
	public const STATUS_DEV_MODE = 'dev_mode';

	/**
	 * Server Error: The license server was unreachable. Runtime recovery features continue.
	 */
	public const STATUS_SERVER_ERROR = 'server_error';

	/**
	 * Hours the cached license status (cartbay_license_valid) stays fresh.
	 */
	public const VALID_CACHE_HOURS = 12;

	/**
	 * Hours an update-check answer is reused by the plugin update flow.
	 */
	public const UPDATE_CACHE_HOURS = 6;

	/**
	 * Minutes a failed update check is remembered before the server is asked again.
	 */
	public const UPDATE_RETRY_MINUTES = 60;

	/**
	 * Seconds one license-server request may take (admin requests and the daily job alike).
	 */
	public const REQUEST_TIMEOUT_SECONDS = 5;

	/**
	 * Largest license-server answer read, in bytes.
	 */
	public const MAX_RESPONSE_BYTES = 1048576;

	/**
	 * Longest text kept from a license-server field (plan, message).
	 */
	public const MAX_TEXT_LENGTH = 200;

	/**
	 * Product slug sent with every license-server request.
	 */
	public const PRODUCT_SLUG = 'cartbay';

	/**
	 * License-server route: POST license_key, slug, domain.
	 */
	public const ROUTE_ACTIVATE = '/activate';

	/**
	 * License-server route: GET ?license_key, slug, domain.
	 */
	public const ROUTE_CHECK = '/check';

	/**
	 * License-server route: GET /{slug}/{license_key}?host (update metadata).
	 */
	public const ROUTE_UPDATE_CHECK = '/update-check';

	/**
	 * License-server route: GET /{slug}/{license_key}?host (the release zip).
	 */
	public const ROUTE_DOWNLOAD = '/download';

	/**
	 * Development hosts, whole (lower case, no trailing dot, no IPv6 brackets).
	 */
	public const DEV_HOSTS = array(
		'localhost',
		'127.0.0.1',
		'::1',
	);

	/**
	 * Endings of development hosts.
	 */
	public const DEV_HOST_SUFFIXES = array(
		'.local',
		'.dev',
		'.test',
		'.localhost',
	);

	/**
	 * Beginnings of staging hosts.
	 */
	public const DEV_HOST_PREFIXES = array(
		'staging.',
		'staging-',
	);

	/**
	 * Labels inside staging hosts.
	 */
	public const DEV_HOST_INFIXES = array(
		'.staging.',
	);

	/**
	 * Every license status with its translated label, in the order the docs list them.
	 *
	 * @return array<string, string>
	 */
	public static function status_labels(): array {
		return array(
			self::STATUS_ACTIVE       => _x( 'Active', 'License status', 'cartbay' ),
			self::STATUS_INACTIVE     => _x( 'Inactive', 'License status', 'cartbay' ),
			self::STATUS_EXPIRED      => _x( 'Expired', 'License status', 'cartbay' ),
			self::STATUS_INVALID      => _x( 'Invalid', 'License status', 'cartbay' ),
			self::STATUS_DEV_MODE     => _x( 'Dev Mode', 'License status', 'cartbay' ),
			self::STATUS_SERVER_ERROR => _x( 'Server Error', 'License status', 'cartbay' ),
		);
	}
}
