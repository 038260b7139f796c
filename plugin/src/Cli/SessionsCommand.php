<?php
/**
 * `wp cartbay sessions`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Generated\AnalyticsSchema;
use WPAnchorBay\CartBay\Reports\SessionQuery;
use WPAnchorBay\CartBay\Reports\SessionRow;

defined( 'ABSPATH' ) || exit;

/**
 * Lists CartBay recovery sessions.
 */
final class SessionsCommand {

	/**
	 * Columns shown by default, in order.
	 */
	private const FIELDS = array( 'session_id', 'status', 'email', 'cart_total', 'created_at', 'last_activity_at', 'emails_sent' );

	/**
	 * Session queries.
	 *
	 * @var SessionQuery
	 */
	private $query;

	/**
	 * Constructor (WP-CLI builds the command without arguments: services come from the container).
	 *
	 * @param SessionQuery|null $query Session queries.
	 */
	public function __construct( ?SessionQuery $query = null ) {
		$this->query = $query ?? Plugin::instance()->service( SessionQuery::class );
	}

	/**
	 * Lists recovery sessions, newest first, as the Sessions screen selects them.
	 *
	 * Email addresses are masked (`s***@e***.com`) unless --unmask is given: command output often ends up
	 * in terminal logs and tickets. Times are ISO 8601 UTC; the cart total is in the session's currency.
	 *
	 * ## OPTIONS
	 *
	 * [--status=<status>]
	 * : Only sessions in this status: all, captured, abandoned, recovered, expired or suppressed.
	 * ---
	 * default: all
	 * ---
	 *
	 * [--days=<days>]
	 * : Only sessions created in the last 7, 30 or 90 days (from midnight, site time zone).
	 * ---
	 * default: 30
	 * ---
	 *
	 * [--search=<text>]
	 * : An exact session id, notification id or email address, or part of an email address.
	 *
	 * [--limit=<number>]
	 * : Most sessions shown.
	 * ---
	 * default: 20
	 * ---
	 *
	 * [--unmask]
	 * : Show full email addresses (they are personal data: mind where the output goes).
	 *
	 * [--fields=<fields>]
	 * : Columns to show, comma-separated. Default: session_id, status, email, cart_total, created_at,
	 * last_activity_at, emails_sent.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     # The 20 newest sessions of the last 30 days.
	 *     $ wp cartbay sessions list
	 *
	 *     # Abandoned sessions of the last week, as JSON.
	 *     $ wp cartbay sessions list --status=abandoned --days=7 --format=json
	 *
	 *     # One shopper's sessions, addresses shown in full.
	 *     $ wp cartbay sessions list --search=shopper@example.com --unmask
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function list_sessions( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- WP-CLI's command signature.
		$filter = CommandOptions::session_filter( $assoc_args );
		$limit  = CommandOptions::positive_int( $assoc_args, 'limit', AnalyticsSchema::PAGE_SIZE );
		$unmask = (bool) \WP_CLI\Utils\get_flag_value( $assoc_args, 'unmask', false );
		$items  = array();
		foreach ( $this->query->batches( $filter, min( $limit, AnalyticsSchema::EXPORT_BATCH ) ) as $orders ) {
			foreach ( $orders as $order ) {
				$items[] = self::item( SessionRow::of( $order ), $unmask );
				if ( count( $items ) >= $limit ) {
					break 2;
				}
			}
		}
		if ( isset( $assoc_args['format'] ) && 'yaml' === $assoc_args['format'] ) {
			// WP-CLI's YAML writer warns on null on PHP 8: an empty value reads the same.
			array_walk_recursive(
				$items,
				static function ( &$value ) {
					$value = $value ?? '';
				}
			);
		}
		$formatter = new \WP_CLI\Formatter( $assoc_args, self::FIELDS );
		$formatter->display_items( $items );
	}

	/**
	 * The shown values of a session's row.
	 *
	 * @param array<string, mixed> $row    SessionRow::of().
	 * @param bool                 $unmask Whether the email is shown in full.
	 * @return array<string, mixed>
	 */
	private static function item( array $row, bool $unmask ): array {
		return array(
			'session_id'       => $row['session_id'],
			'status'           => $row['status'],
			'email'            => $unmask ? $row['email'] : EmailMask::mask( (string) $row['email'] ),
			'cart_total'       => wc_format_decimal( $row['cart_total'], wc_get_price_decimals() ) . ' ' . $row['currency'],
			'created_at'       => $row['created_at'],
			'last_activity_at' => $row['last_activity_at'],
			'emails_sent'      => $row['emails_sent'],
		);
	}
}
