<?php
/**
 * Detects how this store delivers mail, for the Email Delivery Test.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Notifications;

use WPAnchorBay\CartBay\Email\RecoverySender;
use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\MailEnvironmentSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the active plugins and the registered mail hooks (it never sends anything):
 *
 * - an active plugin known as a delivery service (`cartbay_mail_delivery_plugins`) is a high-confidence finding;
 * - a callback on `phpmailer_init` or `pre_wp_mail` from outside WordPress, WooCommerce and CartBay is medium;
 * - a callback on the `wp_mail` filter whose name holds a delivery keyword is low.
 *
 * Active email loggers (`cartbay_email_logger_plugins`) are listed apart, and the From email and name are the
 * ones WooCommerce sends recovery emails with. `cartbay_mail_environment_status` may change the result.
 */
final class MailEnvironment {

	/**
	 * The mail environment.
	 *
	 * @param \WC_Email|null $sender A recovery email: its From filters are applied as WooCommerce applies them.
	 * @return array{confidence: string, service: string|null, detections: array<int, array{confidence: string, name: string, source: string, detail: string}>, loggers: array<int, array{name: string, plugin: string}>, from_email: string, from_name: string}
	 */
	public function status( $sender = null ): array {
		$active     = $this->active_plugins();
		$delivery   = $this->known_active( $this->known( Hooks::MAIL_DELIVERY_PLUGINS, MailEnvironmentSchema::DELIVERY_PLUGINS ), $active );
		$loggers    = $this->known_active( $this->known( Hooks::EMAIL_LOGGER_PLUGINS, MailEnvironmentSchema::LOGGER_PLUGINS ), $active );
		$detections = array();
		foreach ( $delivery as $plugin ) {
			$detections[] = array(
				'confidence' => 'high',
				'name'       => $plugin['name'],
				'source'     => 'plugin',
				'detail'     => $plugin['plugin'],
			);
		}
		// A known plugin's (or a logger's) own mail hooks say nothing new: loggers hook mail to record it.
		$known_folders = array_map( array( self::class, 'folder' ), array_column( array_merge( $delivery, $loggers ), 'plugin' ) );
		foreach ( MailEnvironmentSchema::DELIVERY_HOOKS as $hook ) {
			$detections = array_merge( $detections, $this->hooked( $hook, 'medium', $known_folders, false ) );
		}
		$detections = array_merge( $detections, $this->hooked( MailEnvironmentSchema::KEYWORD_HOOK, 'low', $known_folders, true ) );
		$detections = self::sorted( $detections );
		$sender     = $this->sender( $sender );

		$status = array(
			'confidence' => self::strongest( $detections ),
			'service'    => $detections[0]['name'] ?? null,
			'detections' => $detections,
			'loggers'    => $loggers,
			'from_email' => $sender['email'],
			'from_name'  => $sender['name'],
		);

		/**
		 * Filters the detected mail environment before the admin sees it.
		 *
		 * @param array $status confidence, service, detections, loggers, from_email, from_name.
		 */
		$filtered = apply_filters( Hooks::MAIL_ENVIRONMENT_STATUS, $status );
		return is_array( $filtered ) ? self::normalize( $filtered, $status ) : $status;
	}

	/**
	 * The active plugins' basenames (this site's and, on a network, the network-activated ones).
	 *
	 * @return string[]
	 */
	private function active_plugins(): array {
		$active = (array) get_option( 'active_plugins', array() );
		if ( is_multisite() ) {
			$active = array_merge( $active, array_keys( (array) get_site_option( 'active_sitewide_plugins', array() ) ) );
		}
		return array_values( array_unique( array_filter( $active, 'is_string' ) ) );
	}

	/**
	 * A known-plugin list after its filter: entries whose key and name are text only.
	 *
	 * @param string                $hook     Filter name.
	 * @param array<string, string> $defaults The schema's list.
	 * @return array<string, string> Plugin folder or basename => name.
	 */
	private function known( string $hook, array $defaults ): array {
		$list  = apply_filters( $hook, $defaults );
		$known = array();
		foreach ( is_array( $list ) ? $list : $defaults as $plugin => $name ) {
			if ( is_string( $plugin ) && '' !== $plugin && is_string( $name ) && '' !== trim( $name ) ) {
				$known[ $plugin ] = wp_strip_all_tags( $name );
			}
		}
		return $known;
	}

	/**
	 * The active plugins a list knows, by folder or by basename.
	 *
	 * @param array<string, string> $known  Plugin folder or basename => name.
	 * @param string[]              $active Active plugin basenames.
	 * @return array<int, array{name: string, plugin: string}>
	 */
	private function known_active( array $known, array $active ): array {
		$found = array();
		foreach ( $active as $basename ) {
			$name = $known[ $basename ] ?? $known[ self::folder( $basename ) ] ?? null;
			if ( null !== $name ) {
				$found[] = array(
					'name'   => $name,
					'plugin' => $basename,
				);
			}
		}
		return $found;
	}

	/**
	 * Findings on one mail hook: callbacks from outside WordPress, WooCommerce, CartBay and the known plugins.
	 *
	 * @param string   $hook          Hook name.
	 * @param string   $confidence    Confidence of a finding.
	 * @param string[] $known_folders Plugin folders already found by name.
	 * @param bool     $keywords      Whether only callbacks named with a delivery keyword count.
	 * @return array<int, array{confidence: string, name: string, source: string, detail: string}>
	 */
	private function hooked( string $hook, string $confidence, array $known_folders, bool $keywords ): array {
		global $wp_filter;
		if ( ! isset( $wp_filter[ $hook ] ) || ! $wp_filter[ $hook ] instanceof \WP_Hook ) {
			return array();
		}
		$found = array();
		foreach ( $wp_filter[ $hook ]->callbacks as $callbacks ) {
			foreach ( $callbacks as $entry ) {
				$callback = $entry['function'] ?? null;
				$file     = self::callback_file( $callback );
				if ( '' === $file || $this->is_platform( $file ) ) {
					continue;
				}
				$plugin = self::plugin_of( $file );
				if ( '' !== $plugin && in_array( self::folder( $plugin ), $known_folders, true ) ) {
					continue;
				}
				$name = self::callback_name( $callback, $file );
				if ( $keywords && ! self::has_keyword( $name ) ) {
					continue;
				}
				$found[ $name ] = array(
					'confidence' => $confidence,
					'name'       => $name,
					'source'     => 'hook',
					'detail'     => $hook,
				);
			}
		}
		return array_values( $found );
	}

	/**
	 * Whether a file belongs to WordPress, WooCommerce or CartBay, whose own mail callbacks deliver nothing.
	 *
	 * @param string $file Absolute path.
	 * @return bool
	 */
	private function is_platform( string $file ): bool {
		$roots = array( ABSPATH . WPINC, ABSPATH . 'wp-admin', dirname( __DIR__, 2 ) );
		if ( defined( 'WC_ABSPATH' ) ) {
			$roots[] = (string) constant( 'WC_ABSPATH' );
		}
		$file = wp_normalize_path( $file );
		foreach ( $roots as $root ) {
			if ( str_starts_with( $file, trailingslashit( wp_normalize_path( $root ) ) ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The file a callback is declared in, or '' when it cannot be read.
	 *
	 * @param mixed $callback Hook callback.
	 * @return string
	 */
	private static function callback_file( $callback ): string {
		try {
			if ( is_string( $callback ) && str_contains( $callback, '::' ) ) {
				$callback = explode( '::', $callback, 2 );
			}
			if ( is_array( $callback ) && 2 === count( $callback ) && is_string( $callback[1] ) ) {
				$reflection = new \ReflectionMethod( $callback[0], $callback[1] );
			} elseif ( is_object( $callback ) && ! $callback instanceof \Closure ) {
				$reflection = new \ReflectionMethod( $callback, '__invoke' );
			} elseif ( is_string( $callback ) || $callback instanceof \Closure ) {
				$reflection = new \ReflectionFunction( $callback );
			} else {
				return '';
			}
		} catch ( \ReflectionException $e ) {
			return '';
		}
		$file = $reflection->getFileName();
		return is_string( $file ) ? $file : '';
	}

	/**
	 * What the admin sees for a callback: its class or function name (spec "Delivery Service Detection"); a
	 * closure is named by its file.
	 *
	 * @param mixed  $callback Hook callback.
	 * @param string $file     Its file.
	 * @return string
	 */
	private static function callback_name( $callback, string $file ): string {
		if ( is_array( $callback ) ) {
			$callback = $callback[0];
		}
		if ( $callback instanceof \Closure ) {
			/* translators: %s: file path of the closure, relative to wp-content. */
			return sprintf( __( 'Closure in %s', 'cartbay' ), self::relative( $file ) );
		}
		if ( is_object( $callback ) ) {
			return get_class( $callback );
		}
		$name = (string) $callback;
		return str_contains( $name, '::' ) ? strstr( $name, '::', true ) : $name;
	}

	/**
	 * Whether a name holds a delivery keyword (any case).
	 *
	 * @param string $name Callback name.
	 * @return bool
	 */
	private static function has_keyword( string $name ): bool {
		$name = strtolower( $name );
		foreach ( MailEnvironmentSchema::DELIVERY_KEYWORDS as $keyword ) {
			if ( str_contains( $name, $keyword ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The plugin basename-like path of a file in the plugins folder (`folder/file.php`), or ''.
	 *
	 * @param string $file Absolute path.
	 * @return string
	 */
	private static function plugin_of( string $file ): string {
		$file = wp_normalize_path( $file );
		$root = trailingslashit( wp_normalize_path( WP_PLUGIN_DIR ) );
		return str_starts_with( $file, $root ) ? substr( $file, strlen( $root ) ) : '';
	}

	/**
	 * A plugin basename's folder (a single-file plugin is its own basename).
	 *
	 * @param string $basename Plugin basename.
	 * @return string
	 */
	private static function folder( string $basename ): string {
		$slash = strpos( $basename, '/' );
		return false === $slash ? $basename : substr( $basename, 0, $slash );
	}

	/**
	 * A path relative to wp-content (or the site root), for display.
	 *
	 * @param string $file Absolute path.
	 * @return string
	 */
	private static function relative( string $file ): string {
		$file = wp_normalize_path( $file );
		foreach ( array( WP_CONTENT_DIR, ABSPATH ) as $root ) {
			$root = trailingslashit( wp_normalize_path( $root ) );
			if ( str_starts_with( $file, $root ) ) {
				return substr( $file, strlen( $root ) );
			}
		}
		return basename( $file );
	}

	/**
	 * The From email and name a recovery email goes out with. WC_Email::send() adds its sender as
	 * `wp_mail_from` / `wp_mail_from_name` callbacks around wp_mail(), and wp_mail() starts from
	 * `wordpress@{host}` and "WordPress": doing the same here shows what an SMTP plugin's later callback
	 * overrides, without sending.
	 *
	 * @param \WC_Email|null $email A recovery email, or null (WordPress's defaults through the filters).
	 * @return array{email: string, name: string}
	 */
	private function sender( $email ): array {
		$host = wp_parse_url( network_home_url(), PHP_URL_HOST );
		$host = is_string( $host ) ? $host : '';
		if ( str_starts_with( $host, 'www.' ) ) {
			$host = substr( $host, 4 );
		}
		list( $from_email, $from_name ) = RecoverySender::around(
			$email,
			static fn () => array(
				// This filter is documented in wp-includes/pluggable.php.
				apply_filters( 'wp_mail_from', 'wordpress@' . $host ),
				// This filter is documented in wp-includes/pluggable.php.
				apply_filters( 'wp_mail_from_name', 'WordPress' ),
			)
		);
		return array(
			'email' => is_string( $from_email ) ? $from_email : '',
			'name'  => is_string( $from_name ) ? $from_name : '',
		);
	}

	/**
	 * Findings strongest first (stable within a level).
	 *
	 * @param array<int, array{confidence: string, name: string, source: string, detail: string}> $detections Findings.
	 * @return array<int, array{confidence: string, name: string, source: string, detail: string}>
	 */
	private static function sorted( array $detections ): array {
		$rank = array_flip( MailEnvironmentSchema::CONFIDENCE );
		$keys = array_keys( $detections );
		usort(
			$keys,
			static function ( $a, $b ) use ( $detections, $rank ) {
				return array( $rank[ $detections[ $a ]['confidence'] ], $a ) <=> array( $rank[ $detections[ $b ]['confidence'] ], $b );
			}
		);
		return array_map(
			static function ( $key ) use ( $detections ) {
				return $detections[ $key ];
			},
			$keys
		);
	}

	/**
	 * The confidence of the strongest finding, or 'none'.
	 *
	 * @param array<int, array{confidence: string}> $detections Findings, strongest first.
	 * @return string
	 */
	private static function strongest( array $detections ): string {
		return $detections[0]['confidence'] ?? 'none';
	}

	/**
	 * A filtered status in the shape the admin app reads: each field of the right type, else the detected
	 * one. A confidence or service the filter did not set follows its (possibly enriched) findings.
	 *
	 * @param array $filtered What the filter returned.
	 * @param array $detected What was detected.
	 * @return array
	 */
	private static function normalize( array $filtered, array $detected ): array {
		$levels     = MailEnvironmentSchema::CONFIDENCE;
		$detections = array();
		foreach ( is_array( $filtered['detections'] ?? null ) ? $filtered['detections'] : $detected['detections'] as $finding ) {
			if ( is_array( $finding ) && in_array( $finding['confidence'] ?? null, $levels, true ) && is_string( $finding['name'] ?? null ) && '' !== $finding['name'] ) {
				$detections[] = array(
					'confidence' => $finding['confidence'],
					'name'       => wp_strip_all_tags( $finding['name'] ),
					'source'     => is_string( $finding['source'] ?? null ) ? $finding['source'] : 'filter',
					'detail'     => is_string( $finding['detail'] ?? null ) ? wp_strip_all_tags( $finding['detail'] ) : '',
				);
			}
		}
		$detections = self::sorted( $detections );
		$loggers    = array();
		foreach ( is_array( $filtered['loggers'] ?? null ) ? $filtered['loggers'] : $detected['loggers'] as $logger ) {
			if ( is_array( $logger ) && is_string( $logger['name'] ?? null ) && '' !== $logger['name'] ) {
				$loggers[] = array(
					'name'   => wp_strip_all_tags( $logger['name'] ),
					'plugin' => is_string( $logger['plugin'] ?? null ) ? $logger['plugin'] : '',
				);
			}
		}
		$confidence = $filtered['confidence'] ?? null;
		if ( $confidence === $detected['confidence'] || ! in_array( $confidence, array_merge( $levels, array( 'none' ) ), true ) ) {
			$confidence = self::strongest( $detections );
		}
		$service = $filtered['service'] ?? null;
		if ( $service === $detected['service'] || ! ( is_string( $service ) || null === $service ) ) {
			$service = $detections[0]['name'] ?? null;
		}
		return array(
			'confidence' => $confidence,
			'service'    => null === $service ? null : wp_strip_all_tags( $service ),
			'detections' => $detections,
			'loggers'    => $loggers,
			'from_email' => is_string( $filtered['from_email'] ?? null ) ? $filtered['from_email'] : $detected['from_email'],
			'from_name'  => is_string( $filtered['from_name'] ?? null ) ? $filtered['from_name'] : $detected['from_name'],
		);
	}
}
