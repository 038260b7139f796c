<?php
/**
 * Tools > Export Personal Data: what CartBay holds about an email.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Privacy;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Exports an email's recovery sessions (email, consent, cart, timestamps, recovery), its CartBay coupons and
 * whether it is unsubscribed. Sessions come page by page; coupons and the unsubscribe record with the first.
 */
final class PersonalDataExporter implements HookSubscriber {

	/**
	 * Finder.
	 *
	 * @var PersonalDataSessions
	 */
	private $finder;

	/**
	 * Suppression list.
	 *
	 * @var SuppressionList
	 */
	private $suppression;

	/**
	 * Constructor.
	 *
	 * @param PersonalDataSessions $finder      Finder.
	 * @param SuppressionList      $suppression Suppression list.
	 */
	public function __construct( PersonalDataSessions $finder, SuppressionList $suppression ) {
		$this->finder      = $finder;
		$this->suppression = $suppression;
	}

	/**
	 * The hooks this service handles.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'wp_privacy_personal_data_exporters' => array( 10, 1 ),
		);
	}

	/**
	 * Registers the exporter (statically: the service is built only when WordPress runs it).
	 *
	 * @param mixed $exporters Registered exporters.
	 * @return mixed
	 */
	public static function handle_wp_privacy_personal_data_exporters( $exporters ) {
		if ( ! is_array( $exporters ) ) {
			return $exporters;
		}
		$exporters['cartbay'] = array(
			'exporter_friendly_name' => __( 'CartBay cart recovery', 'cartbay' ),
			'callback'               => static fn ( $email, $page = 1 ) => \WPAnchorBay\CartBay\Core\Plugin::instance()->service( self::class )->export( (string) $email, (int) $page ),
		);
		return $exporters;
	}

	/**
	 * One page of the export.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page, from 1.
	 * @return array{data: array, done: bool}
	 */
	public function export( string $email, int $page ): array {
		$email = sanitize_email( $email );
		if ( '' === $email ) {
			return array(
				'data' => array(),
				'done' => true,
			);
		}
		$sessions = $this->finder->sessions( $email, $page );
		$data     = array_map( array( $this, 'session_item' ), $sessions );
		if ( 1 === $page ) {
			foreach ( $this->finder->coupons( $email, 1 ) as $coupon ) {
				$data[] = $this->coupon_item( $coupon );
			}
			if ( $this->suppression->is_suppressed( $email ) ) {
				$data[] = array(
					'group_id'    => 'cartbay-unsubscribe',
					'group_label' => __( 'CartBay unsubscribe', 'cartbay' ),
					'item_id'     => 'cartbay-unsubscribe',
					'data'        => array(
						array(
							'name'  => __( 'Unsubscribed from cart recovery emails', 'cartbay' ),
							'value' => __( 'Yes', 'cartbay' ),
						),
					),
				);
			}
		}
		return array(
			'data' => $data,
			'done' => count( $sessions ) < PersonalDataSessions::PAGE,
		);
	}

	/**
	 * One session as an export item.
	 *
	 * @param \WC_Order $order Session.
	 * @return array
	 */
	private function session_item( \WC_Order $order ): array {
		$snapshot = $order->get_meta( MetaKeys::CART_SNAPSHOT );
		$lines    = array();
		foreach ( is_array( $snapshot ) ? (array) ( $snapshot['items'] ?? array() ) : array() as $line ) {
			$lines[] = sprintf( '%s × %d', (string) ( $line['name'] ?? '' ), (int) ( $line['quantity'] ?? 0 ) );
		}
		$labels = OrderStatuses::labels();
		$fields = array(
			__( 'Session', 'cartbay' )         => (string) $order->get_meta( MetaKeys::SESSION_ID ),
			__( 'Email', 'cartbay' )           => (string) $order->get_meta( MetaKeys::EMAIL ),
			__( 'Status', 'cartbay' )          => (string) ( $labels[ 'wc-' . $order->get_status() ] ?? $order->get_status() ),
			__( 'Checkout', 'cartbay' )        => (string) $order->get_meta( MetaKeys::SOURCE ),
			__( 'Consent text', 'cartbay' )    => (string) $order->get_meta( MetaKeys::CONSENT_TEXT ),
			__( 'Consent given', 'cartbay' )   => self::date( $order->get_meta( MetaKeys::CONSENT_AT ) ),
			__( 'Cart', 'cartbay' )            => implode( ', ', $lines ),
			__( 'Cart total', 'cartbay' )      => (string) $order->get_meta( MetaKeys::CART_TOTAL ) . ' ' . (string) $order->get_meta( MetaKeys::CURRENCY ),
			__( 'Captured', 'cartbay' )        => self::date( $order->get_meta( MetaKeys::CAPTURED_AT ) ),
			__( 'Last activity', 'cartbay' )   => self::date( $order->get_meta( MetaKeys::LAST_ACTIVITY_AT ) ),
			__( 'Abandoned', 'cartbay' )       => self::date( $order->get_meta( MetaKeys::ABANDONED_AT ) ),
			__( 'Recovered order', 'cartbay' ) => (string) $order->get_meta( MetaKeys::RECOVERED_ORDER_ID ),
			__( 'Recovery emails', 'cartbay' ) => (string) count( SessionRepository::list_meta( $order, MetaKeys::NOTIFICATIONS ) ),
		);
		$data   = array();
		foreach ( $fields as $name => $value ) {
			if ( '' !== trim( $value ) ) {
				$data[] = array(
					'name'  => $name,
					'value' => $value,
				);
			}
		}
		return array(
			'group_id'          => 'cartbay-sessions',
			'group_label'       => __( 'CartBay recovery sessions', 'cartbay' ),
			'group_description' => __( 'Checkout emails and carts CartBay saved, with consent, to send cart reminders.', 'cartbay' ),
			'item_id'           => 'cartbay-session-' . $order->get_id(),
			'data'              => $data,
		);
	}

	/**
	 * One CartBay coupon as an export item.
	 *
	 * @param \WC_Coupon $coupon Coupon.
	 * @return array
	 */
	private function coupon_item( \WC_Coupon $coupon ): array {
		$expires = $coupon->get_date_expires();
		return array(
			'group_id'    => 'cartbay-coupons',
			'group_label' => __( 'CartBay recovery coupons', 'cartbay' ),
			'item_id'     => 'cartbay-coupon-' . $coupon->get_id(),
			'data'        => array(
				array(
					'name'  => __( 'Code', 'cartbay' ),
					'value' => strtoupper( $coupon->get_code() ),
				),
				array(
					'name'  => __( 'Allowed email', 'cartbay' ),
					'value' => implode( ', ', $coupon->get_email_restrictions() ),
				),
				array(
					'name'  => __( 'Expires', 'cartbay' ),
					'value' => $expires ? $expires->date_i18n( get_option( 'date_format' ) ) : '',
				),
				array(
					'name'  => __( 'Used', 'cartbay' ),
					'value' => $coupon->get_usage_count() > 0 ? __( 'Yes', 'cartbay' ) : __( 'No', 'cartbay' ),
				),
			),
		);
	}

	/**
	 * A stored Unix time as a local date and time, or '' when unset.
	 *
	 * @param mixed $timestamp Stored value.
	 * @return string
	 */
	private static function date( $timestamp ): string {
		$timestamp = is_numeric( $timestamp ) ? (int) $timestamp : 0;
		return $timestamp > 0 ? wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $timestamp ) : '';
	}
}
