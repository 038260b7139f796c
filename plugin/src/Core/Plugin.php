<?php
/**
 * The plugin runtime: boot, the service container and the list of hook subscribers.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

use WPAnchorBay\CartBay\Admin\AdminScreens;
use WPAnchorBay\CartBay\Admin\WizardRedirect;
use WPAnchorBay\CartBay\Agent\AbilityBridge;
use WPAnchorBay\CartBay\Agent\AgentAudit;
use WPAnchorBay\CartBay\Agent\AgentController;
use WPAnchorBay\CartBay\Agent\AgentRestGate;
use WPAnchorBay\CartBay\Agent\AgentService;
use WPAnchorBay\CartBay\Agent\AgentTokens;
use WPAnchorBay\CartBay\Agent\PermissionService;
use WPAnchorBay\CartBay\Agent\SessionActions;
use WPAnchorBay\CartBay\Analytics\AnalyticsService;
use WPAnchorBay\CartBay\Analytics\ContributionTracker;
use WPAnchorBay\CartBay\Analytics\LedgerRebuild;
use WPAnchorBay\CartBay\Analytics\WcAnalyticsExclusion;
use WPAnchorBay\CartBay\Api\AnalyticsController;
use WPAnchorBay\CartBay\Api\CouponsController;
use WPAnchorBay\CartBay\Api\DeliveryTestController;
use WPAnchorBay\CartBay\Api\ExportController;
use WPAnchorBay\CartBay\Api\LicenseController;
use WPAnchorBay\CartBay\Api\LogsController;
use WPAnchorBay\CartBay\Api\NotificationsController;
use WPAnchorBay\CartBay\Api\SessionsController;
use WPAnchorBay\CartBay\Api\SettingsController;
use WPAnchorBay\CartBay\Api\TestController;
use WPAnchorBay\CartBay\Api\WizardController;
use WPAnchorBay\CartBay\Capture\BrowserSession;
use WPAnchorBay\CartBay\Cli\CliCommands;
use WPAnchorBay\CartBay\Capture\CaptureController;
use WPAnchorBay\CartBay\Capture\CaptureService;
use WPAnchorBay\CartBay\Capture\CartSync;
use WPAnchorBay\CartBay\Capture\CheckoutAssets;
use WPAnchorBay\CartBay\Capture\CheckoutEmailPrefill;
use WPAnchorBay\CartBay\Capture\LeanRestRequest;
use WPAnchorBay\CartBay\Capture\OrderIdentity;
use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Data\SessionStatusGuard;
use WPAnchorBay\CartBay\Data\SingleRowJoin;
use WPAnchorBay\CartBay\Email\EmailRegistry;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RestRoutes;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\License\LicenseClient;
use WPAnchorBay\CartBay\License\LicenseServer;
use WPAnchorBay\CartBay\License\LicenseState;
use WPAnchorBay\CartBay\License\PluginUpdater;
use WPAnchorBay\CartBay\License\ReleaseInfo;
use WPAnchorBay\CartBay\Logging\LogRetention;
use WPAnchorBay\CartBay\Notifications\MailEnvironment;
use WPAnchorBay\CartBay\Notifications\MailOutcome;
use WPAnchorBay\CartBay\Offers\CouponIssuer;
use WPAnchorBay\CartBay\Privacy\PersonalDataEraser;
use WPAnchorBay\CartBay\Privacy\PersonalDataExporter;
use WPAnchorBay\CartBay\Privacy\PersonalDataSessions;
use WPAnchorBay\CartBay\Privacy\PrivacyPolicy;
use WPAnchorBay\CartBay\Recovery\AbandonmentScheduler;
use WPAnchorBay\CartBay\Recovery\AttributionReverter;
use WPAnchorBay\CartBay\Recovery\CartRestorer;
use WPAnchorBay\CartBay\Recovery\CoreRecoveryEmailGuard;
use WPAnchorBay\CartBay\Recovery\CouponGuard;
use WPAnchorBay\CartBay\Recovery\RecoveryMatcher;
use WPAnchorBay\CartBay\Recovery\RestoredCheckout;
use WPAnchorBay\CartBay\Recovery\RestoreService;
use WPAnchorBay\CartBay\Recovery\UnsubscribeService;
use WPAnchorBay\CartBay\Reports\CouponReport;
use WPAnchorBay\CartBay\Reports\EmailsSentCounter;
use WPAnchorBay\CartBay\Reports\NotificationQuery;
use WPAnchorBay\CartBay\Reports\SessionQuery;
use WPAnchorBay\CartBay\Security\RateLimiter;
use WPAnchorBay\CartBay\Settings\SettingsRepository;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Boots CartBay once WooCommerce is known to be active and hands out its services.
 *
 * Services are built lazily: each hook in SUBSCRIBERS is added with a callback that builds its service the
 * first time the hook fires, so a request whose hooks never fire builds nothing (see HookSubscriber for the
 * static handlers and guards that keep hooks firing on every request cheap).
 *
 * Namespaces depend one way only, each on namespaces to its right (Analytics and License stand alone):
 * Api, Admin, Cli → Email, Capture → Recovery → Offers, Notifications, Suppression → Data → Settings, Security, Jobs.
 * Core is the composition root (this class depends on all of them); elsewhere only its HookSubscriber
 * interface is used, as is Generated.
 */
final class Plugin {

	/**
	 * Every class that handles hooks (HookSubscriber), in the order their hooks are added (which orders
	 * callbacks of one hook at one priority).
	 *
	 * @var array<int, class-string<HookSubscriber>>
	 */
	private const SUBSCRIBERS = array(
		OrderMetaQuery::class,
		EmailRegistry::class,
		RateLimiter::class,
		LeanRestRequest::class,
		Translations::class,
		SuppressionList::class,
		WcAnalyticsExclusion::class,
		ContributionTracker::class,
		MailOutcome::class,
		CheckoutAssets::class,
		OrderIdentity::class,
		CartSync::class,
		CheckoutEmailPrefill::class,
		RestoreService::class,
		RestoredCheckout::class,
		CouponGuard::class,
		UnsubscribeService::class,
		RecoveryMatcher::class,
		AttributionReverter::class,
		CoreRecoveryEmailGuard::class,
		PersonalDataExporter::class,
		PersonalDataEraser::class,
		PrivacyPolicy::class,
		Installer::class,
		AdminScreens::class,
		WizardRedirect::class,
		SettingsRepository::class,
		EmailsSentCounter::class,
		SessionStatusGuard::class,
		SingleRowJoin::class,
		ExportController::class,
		PluginUpdater::class,
		LogRetention::class,
		CliCommands::class,
		AbilityBridge::class,
	);

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
	 *
	 * @return self
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
	 * @throws \InvalidArgumentException For a class the container cannot build.
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
	 * The method that handles a hook: `handle_` + the hook name, every character other than a letter, digit
	 * or underscore written as an underscore.
	 *
	 * @param string $hook Hook name.
	 * @return string
	 */
	public static function handler_method( string $hook ): string {
		return 'handle_' . preg_replace( '/[^A-Za-z0-9_]/', '_', $hook );
	}

	/**
	 * How each service is built, with its dependencies.
	 *
	 * @return array<class-string, callable(): object>
	 */
	private function factories(): array {
		return array(
			SettingsRepository::class      => static fn () => new SettingsRepository(),
			SettingsController::class      => fn () => new SettingsController( $this->service( SettingsRepository::class ) ),
			SessionRepository::class       => fn () => new SessionRepository( $this->service( SettingsRepository::class ) ),
			AbandonmentScheduler::class    => fn () => new AbandonmentScheduler(
				$this->service( SessionRepository::class ),
				$this->service( SettingsRepository::class ),
				$this->service( EmailSequenceService::class )
			),
			EmailSequenceService::class    => fn () => new EmailSequenceService(
				$this->service( SessionRepository::class ),
				$this->service( SettingsRepository::class ),
				$this->service( SuppressionList::class ),
				$this->service( CouponIssuer::class ),
				$this->service( MailOutcome::class )
			),
			CouponIssuer::class            => fn () => new CouponIssuer( $this->service( SettingsRepository::class ) ),
			MailOutcome::class             => fn () => new MailOutcome( $this->service( SessionRepository::class ) ),
			TestController::class          => fn () => new TestController(
				$this->service( SettingsRepository::class ),
				$this->service( SessionRepository::class ),
				$this->service( EmailSequenceService::class )
			),
			AnalyticsService::class        => fn () => new AnalyticsService( $this->service( LedgerRebuild::class ) ),
			RateLimiter::class             => static fn () => new RateLimiter(),
			SuppressionList::class         => static fn () => new SuppressionList(),
			CaptureService::class          => fn () => new CaptureService(
				$this->service( SettingsRepository::class ),
				$this->service( SessionRepository::class ),
				$this->service( AbandonmentScheduler::class ),
				$this->service( SuppressionList::class ),
				$this->service( EmailSequenceService::class ),
				$this->service( BrowserSession::class )
			),
			BrowserSession::class          => fn () => new BrowserSession( $this->service( SessionRepository::class ) ),
			CaptureController::class       => fn () => new CaptureController( $this->service( CaptureService::class ) ),
			CheckoutAssets::class          => fn () => new CheckoutAssets( $this->service( SettingsRepository::class ) ),
			OrderIdentity::class           => fn () => new OrderIdentity( $this->service( SessionRepository::class ) ),
			CartSync::class                => fn () => new CartSync(
				$this->service( SettingsRepository::class ),
				$this->service( SessionRepository::class ),
				$this->service( BrowserSession::class )
			),
			RestoreService::class          => fn () => new RestoreService(
				$this->service( SessionRepository::class ),
				$this->service( RateLimiter::class ),
				new CartRestorer()
			),
			UnsubscribeService::class      => fn () => new UnsubscribeService(
				$this->service( SessionRepository::class ),
				$this->service( EmailSequenceService::class ),
				$this->service( SuppressionList::class ),
				$this->service( RateLimiter::class )
			),
			CouponGuard::class             => fn () => new CouponGuard( $this->service( SessionRepository::class ) ),
			RecoveryMatcher::class         => fn () => new RecoveryMatcher(
				$this->service( SessionRepository::class ),
				$this->service( EmailSequenceService::class )
			),
			AttributionReverter::class     => fn () => new AttributionReverter(
				$this->service( SessionRepository::class ),
				$this->service( SuppressionList::class )
			),
			AdminScreens::class            => fn () => new AdminScreens( $this->service( SettingsRepository::class ) ),
			// Analytics (issue 11).
			LedgerRebuild::class           => fn () => new LedgerRebuild( $this->service( SessionRepository::class ) ),
			AnalyticsController::class     => fn () => new AnalyticsController(
				$this->service( AnalyticsService::class ),
				$this->service( LedgerRebuild::class )
			),
			CoreRecoveryEmailGuard::class  => fn () => new CoreRecoveryEmailGuard(
				$this->service( SessionRepository::class ),
				$this->service( SuppressionList::class )
			),
			// Privacy tools (issue 12).
			PersonalDataSessions::class    => fn () => new PersonalDataSessions( $this->service( SessionRepository::class ) ),
			PersonalDataExporter::class    => fn () => new PersonalDataExporter(
				$this->service( PersonalDataSessions::class ),
				$this->service( SuppressionList::class )
			),
			PersonalDataEraser::class      => fn () => new PersonalDataEraser(
				$this->service( PersonalDataSessions::class ),
				$this->service( SessionRepository::class ),
				$this->service( SuppressionList::class )
			),
			// License (issue 12).
			LicenseState::class            => static fn () => new LicenseState(),
			LicenseServer::class           => static fn () => new LicenseServer(),
			ReleaseInfo::class             => fn () => new ReleaseInfo( $this->service( LicenseState::class ), $this->service( LicenseServer::class ) ),
			LicenseClient::class           => fn () => new LicenseClient(
				$this->service( LicenseState::class ),
				$this->service( LicenseServer::class ),
				$this->service( ReleaseInfo::class )
			),
			PluginUpdater::class           => fn () => new PluginUpdater( $this->service( ReleaseInfo::class ) ),
			LicenseController::class       => fn () => new LicenseController( $this->service( LicenseClient::class ), $this->service( LicenseState::class ) ),
			WizardController::class        => fn () => new WizardController(),
			// Reporting (issue 11).
			SessionQuery::class            => static fn () => new SessionQuery(),
			SessionsController::class      => fn () => new SessionsController( $this->service( SessionQuery::class ), $this->service( SessionRepository::class ) ),
			ExportController::class        => fn () => new ExportController( $this->service( SessionQuery::class ) ),
			NotificationsController::class => fn () => new NotificationsController(
				new NotificationQuery( $this->service( SessionQuery::class ), $this->service( SessionRepository::class ) )
			),
			CouponsController::class       => fn () => new CouponsController( new CouponReport( $this->service( SessionRepository::class ) ) ),
			// Email Delivery Test (issue 13).
			DeliveryTestController::class  => static fn () => new DeliveryTestController( new MailEnvironment() ),
			// Logs (issue 12).
			LogsController::class          => static fn () => new LogsController(),
			// Agent access (issue 14).
			PermissionService::class       => fn () => new PermissionService( $this->service( SettingsRepository::class ) ),
			AgentTokens::class             => static fn () => new AgentTokens(),
			AgentAudit::class              => static fn () => new AgentAudit(),
			AgentRestGate::class           => fn () => new AgentRestGate(
				$this->service( PermissionService::class ),
				$this->service( AgentTokens::class ),
				$this->service( AgentAudit::class ),
				$this->service( RateLimiter::class )
			),
			SessionActions::class          => fn () => new SessionActions(
				$this->service( SessionRepository::class ),
				$this->service( AbandonmentScheduler::class ),
				$this->service( EmailSequenceService::class ),
				$this->service( SuppressionList::class )
			),
			AgentService::class            => fn () => new AgentService(
				$this->service( PermissionService::class ),
				$this->service( SessionQuery::class ),
				$this->service( SessionActions::class ),
				$this->service( AnalyticsService::class ),
				$this->service( SettingsRepository::class ),
				$this->service( AgentTokens::class ),
				$this->service( AgentAudit::class )
			),
			AgentController::class         => fn () => new AgentController(
				$this->service( AgentService::class ),
				$this->service( AgentRestGate::class ),
				$this->service( AgentAudit::class )
			),
			AbilityBridge::class           => fn () => new AbilityBridge(
				$this->service( PermissionService::class ),
				$this->service( AgentService::class ),
				$this->service( AgentAudit::class )
			),
		);
	}

	/**
	 * Registers statuses, jobs and routes (generated wiring), then every subscriber's hooks.
	 */
	private function start(): void {
		OrderStatuses::register();
		ScheduledJobs::add_hooks( $this );
		add_action( 'rest_api_init', fn () => RestRoutes::register( $this ) );
		foreach ( self::SUBSCRIBERS as $class_name ) {
			$this->subscribe( $class_name );
		}

		/**
		 * Fires once CartBay's runtime is running.
		 *
		 * @param Plugin $plugin The plugin instance.
		 */
		do_action( Hooks::LOADED, $this );
	}

	/**
	 * Adds every hook a subscriber handles. A static handler is called on the class; any other builds the
	 * service the first time the hook fires. A `should_handle_<hook>` guard that answers false builds
	 * nothing, and a filter keeps its value.
	 *
	 * @param class-string<HookSubscriber> $class_name Subscriber.
	 */
	private function subscribe( string $class_name ): void {
		foreach ( $class_name::subscribed_hooks() as $hook => $spec ) {
			$hook   = (string) $hook;
			$method = self::handler_method( $hook );
			if ( ! method_exists( $class_name, $method ) ) {
				_doing_it_wrong( __METHOD__, esc_html( sprintf( '%1$s subscribes to "%2$s" but has no %3$s() method.', $class_name, $hook, $method ) ), esc_html( CARTBAY_VERSION ) );
				continue;
			}
			$is_static = is_callable( array( $class_name, $method ) );
			$guard     = method_exists( $class_name, 'should_' . $method ) ? 'should_' . $method : '';
			add_filter(
				$hook,
				function ( ...$args ) use ( $class_name, $method, $is_static, $guard ) {
					if ( '' !== $guard && ! $class_name::$guard( ...$args ) ) {
						return $args[0] ?? null;
					}
					if ( $is_static ) {
						return $class_name::$method( ...$args );
					}
					return $this->service( $class_name )->{ $method }( ...$args );
				},
				$spec[0] ?? 10,
				$spec[1] ?? 1
			);
		}
	}
}
