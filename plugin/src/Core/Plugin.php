<?php
/**
 * The plugin runtime: boot, service registry and hook wiring.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

use WPAnchorBay\CartBay\Admin\AdminScreens;
use WPAnchorBay\CartBay\Analytics\AnalyticsService;
use WPAnchorBay\CartBay\Api\SettingsController;
use WPAnchorBay\CartBay\Api\TestController;
use WPAnchorBay\CartBay\Capture\BrowserSession;
use WPAnchorBay\CartBay\Capture\CaptureController;
use WPAnchorBay\CartBay\Capture\CaptureService;
use WPAnchorBay\CartBay\Capture\CartSync;
use WPAnchorBay\CartBay\Capture\CheckoutEmailPrefill;
use WPAnchorBay\CartBay\Capture\CheckoutAssets;
use WPAnchorBay\CartBay\Capture\LeanRestRequest;
use WPAnchorBay\CartBay\Capture\OrderIdentity;
use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RestRoutes;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\License\LicenseClient;
use WPAnchorBay\CartBay\Notifications\MailOutcome;
use WPAnchorBay\CartBay\Offers\CouponGuard;
use WPAnchorBay\CartBay\Offers\CouponIssuer;
use WPAnchorBay\CartBay\Recovery\AbandonmentScheduler;
use WPAnchorBay\CartBay\Recovery\AttributionReverter;
use WPAnchorBay\CartBay\Recovery\CartRestorer;
use WPAnchorBay\CartBay\Recovery\RecoveryMatcher;
use WPAnchorBay\CartBay\Recovery\RestoreService;
use WPAnchorBay\CartBay\Recovery\UnsubscribeService;
use WPAnchorBay\CartBay\Recovery\SuppressionList;
use WPAnchorBay\CartBay\Security\RateLimiter;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Boots CartBay once WooCommerce is known to be active and hands out its services.
 *
 * Services are built lazily, so a storefront request that never touches CartBay pays only for hook
 * registration.
 */
final class Plugin {

	/**
	 * The running instance.
	 *
	 * @var Plugin|null
	 */
	private static $instance = null;

	/**
	 * Built services keyed by class name.
	 *
	 * @var array<class-string, object>
	 */
	private $services = array();

	/**
	 * Runs on `plugins_loaded`: starts the runtime, or explains in an admin notice why it cannot.
	 */
	public static function boot(): void {
		$reason = Requirements::unmet_reason();
		if ( '' !== $reason ) {
			Requirements::show_notice( $reason );
			return;
		}
		self::instance()->start();
	}

	/**
	 * The plugin instance.
	 */
	public static function instance(): self {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * A service, built on first use.
	 *
	 * @template T of object
	 * @param class-string<T> $class_name Service class.
	 * @return T
	 */
	public function service( string $class_name ) {
		if ( ! isset( $this->services[ $class_name ] ) ) {
			$factories = $this->factories();
			if ( ! isset( $factories[ $class_name ] ) ) {
				throw new \InvalidArgumentException( esc_html( sprintf( 'CartBay has no service %s.', $class_name ) ) );
			}
			$this->services[ $class_name ] = $factories[ $class_name ]();
		}
		return $this->services[ $class_name ];
	}

	/**
	 * How each service is built, with its dependencies.
	 *
	 * @return array<class-string, callable(): object>
	 */
	private function factories(): array {
		return array(
			SettingsRepository::class   => static function () {
				$settings = new SettingsRepository();
				$settings->register();
				return $settings;
			},
			SettingsController::class   => fn () => new SettingsController( $this->service( SettingsRepository::class ) ),
			SessionRepository::class    => fn () => new SessionRepository( $this->service( SettingsRepository::class ) ),
			AbandonmentScheduler::class => fn () => new AbandonmentScheduler(
				$this->service( SessionRepository::class ),
				$this->service( SettingsRepository::class ),
				$this->service( EmailSequenceService::class )
			),
			EmailSequenceService::class => fn () => new EmailSequenceService(
				$this->service( SessionRepository::class ),
				$this->service( SettingsRepository::class ),
				$this->service( SuppressionList::class ),
				$this->service( CouponIssuer::class ),
				$this->service( MailOutcome::class )
			),
			CouponIssuer::class         => fn () => new CouponIssuer( $this->service( SettingsRepository::class ) ),
			MailOutcome::class          => fn () => new MailOutcome( $this->service( SessionRepository::class ) ),
			TestController::class       => fn () => new TestController(
				$this->service( SettingsRepository::class ),
				$this->service( SessionRepository::class ),
				$this->service( EmailSequenceService::class )
			),
			AnalyticsService::class     => static fn () => new AnalyticsService(),
			LicenseClient::class        => static fn () => new LicenseClient(),
			RateLimiter::class          => static fn () => new RateLimiter(),
			SuppressionList::class      => static fn () => new SuppressionList(),
			CaptureService::class       => fn () => new CaptureService(
				$this->service( SettingsRepository::class ),
				$this->service( SessionRepository::class ),
				$this->service( AbandonmentScheduler::class ),
				$this->service( SuppressionList::class ),
				$this->service( EmailSequenceService::class ),
				$this->service( BrowserSession::class )
			),
			BrowserSession::class       => fn () => new BrowserSession( $this->service( SessionRepository::class ) ),
			CaptureController::class    => fn () => new CaptureController( $this->service( CaptureService::class ) ),
			RestoreService::class       => fn () => new RestoreService(
				$this->service( SessionRepository::class ),
				$this->service( RateLimiter::class ),
				new CartRestorer()
			),
			UnsubscribeService::class   => fn () => new UnsubscribeService(
				$this->service( SessionRepository::class ),
				$this->service( EmailSequenceService::class ),
				$this->service( SuppressionList::class ),
				$this->service( RateLimiter::class )
			),
			CouponGuard::class          => fn () => new CouponGuard( $this->service( SessionRepository::class ) ),
			RecoveryMatcher::class      => fn () => new RecoveryMatcher(
				$this->service( SessionRepository::class ),
				$this->service( EmailSequenceService::class )
			),
			AttributionReverter::class  => fn () => new AttributionReverter(
				$this->service( SessionRepository::class ),
				$this->service( SuppressionList::class )
			),
		);
	}

	/**
	 * Registers statuses, emails, routes, jobs and admin screens.
	 */
	private function start(): void {
		OrderStatuses::register();
		OrderMetaQuery::register();
		EmailClasses::register();
		ScheduledJobs::add_hooks( $this );
		add_action( 'rest_api_init', fn () => RestRoutes::register( $this ) );
		// Rate-limited routes keep a slot counted only when they refuse the request (4xx other than 429).
		add_filter( 'rest_request_after_callbacks', fn ( $response, $handler, $request ) => $this->service( RateLimiter::class )->handle_rest_request_after_callbacks( $response, $handler, $request ), 10, 3 );
		// The public capture route boots like a Store API request (no block or wc/v3 route registration).
		( new LeanRestRequest() )->register();
		add_action( 'init', array( $this, 'load_textdomain' ) );
		add_action( 'init', array( SuppressionList::class, 'register_post_type' ) );
		add_filter( 'woocommerce_analytics_excluded_statuses', array( $this, 'exclude_session_statuses' ) );
		// Mail outcomes of recovery emails; the service is built only when a mail hook fires.
		add_action( 'wp_mail_succeeded', fn ( $mail_data ) => $this->service( MailOutcome::class )->handle_succeeded( $mail_data ) );
		add_action( 'wp_mail_failed', fn ( $error ) => $this->service( MailOutcome::class )->handle_failed( $error ) );
		add_action( 'cartbay_mark_notification_delivered', fn ( $notification_id ) => $this->service( MailOutcome::class )->handle_delivered( $notification_id ) );
		( new CheckoutAssets( $this->service( SettingsRepository::class ) ) )->register();
		( new OrderIdentity( $this->service( SessionRepository::class ) ) )->register();
		// The cart of a browser that owns a session follows into it; classic checkout gets its email back.
		( new CartSync( $this->service( SettingsRepository::class ), $this->service( SessionRepository::class ), $this->service( BrowserSession::class ) ) )->register();
		( new CheckoutEmailPrefill() )->register();
		// Restore and unsubscribe links, the recovery coupon rules and recovered-order attribution. The
		// unsubscribe and attribution services (and the sequence behind them) are built only when needed.
		$this->service( RestoreService::class )->register();
		$this->service( CouponGuard::class )->register();
		add_action(
			'init',
			function () {
				if ( UnsubscribeService::requested() ) {
					$this->service( UnsubscribeService::class )->handle_init();
				}
			},
			20 // After the suppression post type and the order statuses are registered.
		);
		// Attribution counts paid orders only: payment complete, or completed (cash on delivery, cheque, bank
		// transfer). Processing or on-hold without payment complete is a placed order: it only stops reminders.
		add_action( 'woocommerce_pre_payment_complete', fn ( $order_id ) => $this->service( RecoveryMatcher::class )->handle_pre_payment_complete( $order_id ) );
		add_action( 'woocommerce_payment_complete', fn ( $order_id ) => $this->service( RecoveryMatcher::class )->handle_payment_complete( $order_id ) );
		add_action( 'woocommerce_order_status_completed', fn ( $order_id, $order = null ) => $this->service( RecoveryMatcher::class )->handle_order_status_completed( $order_id, $order ), 10, 2 );
		add_action( 'woocommerce_order_status_processing', fn ( $order_id, $order = null ) => $this->service( RecoveryMatcher::class )->handle_order_status_processing( $order_id, $order ), 10, 2 );
		add_action( 'woocommerce_order_status_on-hold', fn ( $order_id, $order = null ) => $this->service( RecoveryMatcher::class )->handle_order_status_on_hold( $order_id, $order ), 10, 2 );
		// Cancelled, failed or refunded orders take their attribution back; partial refunds lower the revenue.
		add_action( 'woocommerce_order_status_cancelled', fn ( $order_id, $order = null ) => $this->service( AttributionReverter::class )->handle_order_status_cancelled( $order_id, $order ), 10, 2 );
		add_action( 'woocommerce_order_status_failed', fn ( $order_id, $order = null ) => $this->service( AttributionReverter::class )->handle_order_status_failed( $order_id, $order ), 10, 2 );
		add_action( 'woocommerce_order_status_refunded', fn ( $order_id, $order = null ) => $this->service( AttributionReverter::class )->handle_order_status_refunded( $order_id, $order ), 10, 2 );
		add_action( 'woocommerce_order_refunded', fn ( $order_id, $refund_id = 0 ) => $this->service( AttributionReverter::class )->handle_order_refunded( $order_id, $refund_id ), 10, 2 );
		add_action( 'woocommerce_refund_deleted', fn ( $refund_id, $order_id = 0 ) => $this->service( AttributionReverter::class )->handle_refund_deleted( $refund_id, $order_id ), 10, 2 );
		// An updated plugin is not re-activated: finish its install routine on the next admin request.
		add_action( 'admin_init', array( $this, 'maybe_finish_install' ) );

		if ( is_admin() && class_exists( AdminScreens::class ) ) {
			( new AdminScreens( $this->service( SettingsRepository::class ) ) )->register();
		}

		/**
		 * Fires once CartBay's runtime is running.
		 *
		 * @param Plugin $plugin The plugin instance.
		 */
		do_action( 'cartbay_loaded', $this );
	}

	/**
	 * Keeps recovery sessions out of WooCommerce Analytics: they are orders in storage only.
	 *
	 * @param array $statuses Excluded status slugs (without wc-).
	 * @return array
	 */
	public function exclude_session_statuses( $statuses ) {
		$ours = array_map( static fn ( $slug ) => substr( $slug, 3 ), array_values( OrderStatuses::by_key() ) );
		return array_values( array_unique( array_merge( (array) $statuses, $ours ) ) );
	}

	/**
	 * Loads translations shipped in languages/ (translations from WordPress.org load on demand).
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( 'cartbay', false, dirname( plugin_basename( CARTBAY_FILE ) ) . '/languages' );
	}

	/**
	 * Re-runs the idempotent install routine when the code is newer than the last install.
	 */
	public function maybe_finish_install(): void {
		if ( get_option( Options::INSTALLED_VERSION ) !== CARTBAY_VERSION ) {
			Installer::install();
		}
	}
}
