/**
 * Analytics and reporting at scale (issue 11 budgets), on a fresh local store seeded with a realistic 90 days.
 *
 *   npx tsx tests/bench/analytics.ts [--hpos off|on] [--analytics-sessions 100000] [--analytics-n 20]
 *                                    [--seed-sql pdo|wpdb] [--crud-sample 200] [--analytics-json out.json]
 *                                    [--skip rebuild,analytics,sessions,export] [--db mariadb|sqlite]
 *
 * Database: MariaDB (a private server on a Unix socket, tools/store/mariadb.ts) when Debian's mariadb-server
 * and php-mysql are installed, as on a real shop; otherwise SQLite, said loudly, since the MySQL-to-SQLite
 * translator then dominates every figure. `--db` chooses.
 *
 * Seed: `--analytics-sessions` CartBay sessions created over the last 90 days of the site's calendar (the site
 * runs on America/Los_Angeles time): ~60 % abandoned (of those ~10 % recovered by a real paid order, ~2 %
 * influenced, ~4 % unsubscribed), the rest expired because the shopper ordered before the timeout (each with
 * its real paid order) or, when newer than the timeout, still captured; 1–3 notification records per abandoned
 * session (the campaign grew from one step to three over the period), restore clicks, and a CartBay coupon per
 * sent coupon step (step 3 by default). Every name comes from plugin/schema. WooCommerce CRUD is far too slow
 * for 100k orders on SQLite (`--crud-sample` times it on a throw-away site), so the fixture copies the rows a CRUD-made session,
 * paid order and coupon have (posts + postmeta, or HPOS placeholder + wc_orders + operational data + addresses +
 * wc_orders_meta) and bulk-inserts them in one PHP process: through the SQLite connection `$wpdb` holds
 * (`--seed-sql pdo`, default, prepared statements) or `$wpdb->query()` multi-row INSERTs (`--seed-sql wpdb`,
 * about 20× slower: every statement goes through the MySQL-to-SQLite translator). The result is checked through
 * WooCommerce: counts by status with `wc_get_orders()`, sample sessions, their paid orders and coupons loaded
 * with CRUD, every meta value compared. No ledger exists yet: building it is the cold rebuild measured below.
 *
 * Budgets (each printed last as `PASS|FAIL name: value (budget …)`):
 * 1. cold rebuild: `POST /analytics/rebuild` as admin, then every `cartbay_rebuild_analytics` batch run as
 *    Action Scheduler runs it, one PHP process per batch: total ≤ 60 s, longest batch ≤ 20 s;
 * 2. `GET /analytics?days=90` (cached) p50 over `--analytics-n` requests after one warm-up ≤ 200 ms;
 * 3. `GET /sessions?days=90&orderby=cart_total&order=desc` p50, page 1 and page 50, ≤ 500 ms each;
 * 4. `GET /exports/sessions?days=90`: every session of the period (plus a header row) in the CSV, with the
 *    request's peak PHP memory (memory_get_peak_usage() at shutdown, from a bench must-use plugin) ≤ 64 MB.
 * Requests go over HTTP to the store's php -S (two workers, port 8833) with an admin login cookie and REST nonce.
 *
 * Prints `skipped: why` without PHP or the WordPress/WooCommerce cache; exits 1 when a budget is not met or
 * could not be measured (a route that answers 501 says so). CARTBAY_BENCH_KEEP=1 keeps the site.
 */
import {
	existsSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	attribution,
	campaign,
	cancelReasons,
	captureLimits,
	exportKinds,
	jobs,
	metaKeys,
	notificationMail,
	notificationStates,
	notificationTriggers,
	orderStatuses,
	plugin,
	recoveryCoupons,
	recoveryLinks,
	recoverySteps,
	reportLimits,
	reportPeriods,
	routes,
	sessionEvents,
	sessionList,
	settingsOption,
	type SettingsKey,
	transients,
} from '../../plugin/schema';
import { phpUnavailableReason } from '../php-runtime';
import {
	ADMIN,
	createSite,
	ensureCache,
	type MariaDb,
	mariaDbMissing,
	startMariaDb,
	startServer,
	type ServerHandle,
	type Site,
} from '../../tools/store';
import { lastJson } from '../support/php';

const root = resolve( dirname( fileURLToPath( import.meta.url ) ), '../..' );

/** The port of this bench's store (no other bench or test uses it). */
const PORT = 8833;
/** The site's time zone: the store is in San Francisco, so a period's days are not UTC days. */
const TIME_ZONE = 'America/Los_Angeles';

/** The cold rebuild is driven at most this long. */
const REBUILD_CAP_MINUTES = 30;

const BUDGET = {
	rebuildTotalSeconds: 60,
	rebuildBatchSeconds: 20,
	analyticsP50Ms: 200,
	sessionsP50Ms: 500,
	exportPeakMb: 64,
} as const;

function arg( name: string, fallback: string ): string {
	const i = process.argv.indexOf( `--${ name }` );
	return i >= 0 ? ( process.argv[ i + 1 ] ?? fallback ) : fallback;
}

// ---- names, all from the schema -----------------------------------------------------------------------

function constants( group: {
	constants: readonly { name: string; value: string }[];
} ): Record< string, string > {
	return Object.fromEntries(
		group.constants.map( ( c ) => [ c.name, c.value ] )
	);
}

function settingDefault( key: SettingsKey ): unknown {
	const field = settingsOption.fields.find( ( f ) => f.key === key );
	if ( ! field ) {
		throw new Error( `no setting ${ key } in the schema` );
	}
	return field.default;
}

function routeOf( handlerMethod: string ): string {
	const route = routes.find( ( r ) =>
		r.endpoints.some( ( e ) => e.handler.method === handlerMethod )
	);
	if ( ! route ) {
		throw new Error( `no route is handled by ${ handlerMethod }` );
	}
	return `/wp-json/${ plugin.restNamespace }${ route.path }`;
}

const REBUILD_HOOK = (
	jobs.find(
		( j ) =>
			j.handler.class === 'Analytics\\LedgerRebuild' &&
			j.handler.method === 'run_batch'
	) ?? { hook: '' }
).hook;

const DAYS = reportPeriods.longDays;
const SORT_COLUMN = sessionList.orderby.find( ( c ) => c === 'cart_total' );

const PATHS = {
	analytics: routeOf( 'get_analytics' ),
	rebuild: routeOf( 'start_rebuild' ),
	sessions: routeOf( 'list_sessions' ),
	export: routeOf( 'export' ).replace(
		/\(\?P<kind>[^)]*\)/,
		exportKinds[ 0 ]
	),
};

/** What the PHP fixture needs to know, all read from plugin/schema. */
function seedNames(): Record< string, unknown > {
	const minutes = ( unit: string ) =>
		campaign.units.find( ( u ) => u.value === unit )?.minutes ?? NaN;
	return {
		meta: constants( metaKeys ),
		status: Object.fromEntries(
			orderStatuses.map( ( s ) => [ s.key, `wc-${ s.slug }` ] )
		),
		state: constants( notificationStates ),
		event: constants( sessionEvents ),
		reason: constants( cancelReasons ),
		trigger: constants( notificationTriggers ),
		attribution: {
			recovered: attribution.recovered,
			influenced: attribution.influenced,
			windowDays: attribution.influencedWindowDays,
		},
		steps: recoverySteps.map( ( s ) => ( {
			step: s.step,
			id: s.id,
			delay:
				s.sequence.delay_value * minutes( s.sequence.delay_unit ) * 60,
			coupon: s.sequence.coupon_enabled,
		} ) ),
		coupon: {
			prefix: recoveryCoupons.codePrefix,
			alphabet: recoveryCoupons.codeAlphabet,
			length: recoveryCoupons.codeRandomLength,
			type: settingDefault( 'coupon_type' ),
			amount: settingDefault( 'coupon_amount' ),
			days: settingDefault( 'coupon_expiry_days' ),
		},
		notification: {
			prefix: notificationMail.idPrefix,
			length: notificationMail.idRandomLength,
		},
		sessionIdLength: captureLimits.sessionIdLength,
		maxEvents: captureLimits.maxEvents,
		restoreTokenDays: recoveryLinks.restoreTokenDays,
		timeout: Number( settingDefault( 'abandonment_timeout' ) ) * 60,
		consentText: settingDefault( 'consent_text' ),
		createdVia: plugin.createdVia,
		days: DAYS,
		retentionKey: 'data_retention_days' satisfies SettingsKey,
	};
}

// ---- PHP: the fixture ---------------------------------------------------------------------------------

/**
 * The session generator shared by the seeder and the CRUD sample: `cbb_spec()` describes session `$i` (its
 * dates, status, every meta value, its paid order and coupon), deterministically from the seed and `$i`.
 */
const PHP_SPEC = String.raw`
$cbb = json_decode( $argv[1], true );

function cbb_rand(): float {
	return mt_rand() / ( mt_getrandmax() + 1 );
}

function cbb_between( int $low, int $high ): int {
	return $high <= $low ? $low : $low + (int) floor( cbb_rand() * ( $high - $low + 1 ) );
}

function cbb_chars( string $alphabet, int $length ): string {
	$out = '';
	for ( $k = 0; $k < $length; $k++ ) {
		$out .= $alphabet[ mt_rand( 0, strlen( $alphabet ) - 1 ) ];
	}
	return $out;
}

/** Purchasable catalogue lines: simple products and variations, with their price and attributes. */
function cbb_catalog(): array {
	$lines = array();
	foreach ( wc_get_products( array( 'limit' => -1, 'status' => 'publish', 'orderby' => 'ID', 'order' => 'ASC' ) ) as $product ) {
		if ( $product->is_type( 'variable' ) ) {
			foreach ( $product->get_children() as $child_id ) {
				$variation = wc_get_product( $child_id );
				if ( $variation && $variation->is_purchasable() ) {
					$attributes = array_map( 'strval', $variation->get_variation_attributes() );
					ksort( $attributes );
					$lines[] = array( $product->get_id(), $variation->get_id(), $variation->get_name(), (float) $variation->get_price(), $attributes );
				}
			}
		} elseif ( $product->is_purchasable() ) {
			$lines[] = array( $product->get_id(), 0, $product->get_name(), (float) $product->get_price(), array() );
		}
	}
	return $lines;
}

/** Midnight of the first day of the last $days days, site time zone (today included). */
function cbb_period_start( int $now, int $days ): int {
	return ( new DateTimeImmutable( '@' . $now ) )->setTimezone( wp_timezone() )->setTime( 0, 0 )->modify( sprintf( '-%d days', $days - 1 ) )->getTimestamp();
}

/**
 * Session $i. Returns kind, status, dates, meta (key => value), multi (key => values: one row each), order
 * (its paid order, or null) and coupon (or null). Ids come from $next_id (posts ID sequence).
 */
function cbb_spec( int $i, array $c, int &$next_id ): array {
	mt_srand( ( $c['seed'] * 7919 + $i ) & 0x7fffffff );
	$M        = $c['meta'];
	$E        = $c['event'];
	$S        = $c['state'];
	$R        = $c['reason'];
	$now      = $c['now'];
	$first    = $c['from'] + 300;
	$last     = $now - 120;
	$created  = $first + (int) floor( ( $last - $first ) * ( ( $i + cbb_rand() ) / $c['n'] ) );
	$email    = sprintf( 'shopper%06d@example.test', $i );
	$source   = cbb_rand() < 0.55 ? 'classic' : 'block';
	$catalog  = $c['catalog'];
	$picked   = array();
	$count    = cbb_rand() < 0.45 ? 1 : cbb_between( 2, 5 );
	while ( count( $picked ) < min( $count, count( $catalog ) ) ) {
		$picked[ mt_rand( 0, count( $catalog ) - 1 ) ] = true;
	}
	$items = array();
	foreach ( array_keys( $picked ) as $k ) {
		list( $product_id, $variation_id, $name, $price, $attributes ) = $catalog[ $k ];
		$quantity = cbb_rand() < 0.7 ? 1 : cbb_between( 2, 6 );
		$items[]  = array(
			'product_id'   => $product_id,
			'variation_id' => $variation_id,
			'quantity'     => $quantity,
			'variation'    => $attributes,
			'name'         => $name,
			'price'        => $price,
			'line_total'   => round( $price * $quantity, 2 ),
		);
	}
	usort( $items, static fn ( $a, $b ) => array( $a['product_id'], $a['variation_id'] ) <=> array( $b['product_id'], $b['variation_id'] ) );
	$total    = round( array_sum( array_column( $items, 'line_total' ) ), 2 );
	$snapshot = array(
		'items'      => $items,
		'total'      => $total,
		'currency'   => $c['currency'],
		'item_count' => (int) array_sum( array_column( $items, 'quantity' ) ),
	);

	$activity = $created + ( cbb_rand() < 0.4 ? cbb_between( 30, 900 ) : 0 );
	$abandon  = $activity + $c['timeout'] + cbb_between( 5, 300 );
	$r        = cbb_rand();
	$r2       = cbb_rand();
	if ( $r < 0.60 ) {
		$kind = $r2 < 0.10 ? 'recovered' : ( $r2 < 0.12 ? 'influenced' : ( $r2 < 0.16 ? 'suppressed' : 'abandoned' ) );
	} else {
		$kind = 'completed';
	}
	if ( $abandon > $now - 60 ) {
		$kind = 'captured';
	}

	$session_id = cbb_chars( 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', $c['sessionIdLength'] );
	$id         = $next_id++;
	$events     = array();
	$event      = static function ( string $name, int $at, array $data = array() ) use ( &$events ) {
		$events[] = array( 'event' => $name, 'at' => $at, 'data' => $data );
	};
	$event( $E['CAPTURED'], $created, array( 'source' => $source ) );
	if ( $activity > $created ) {
		$event( $E['UPDATED'], $activity, array( 'source' => $source ) );
	}
	$meta  = array(
		$M['SESSION_ID']       => $session_id,
		$M['EMAIL']            => $email,
		$M['EMAIL_HASH']       => \WPAnchorBay\CartBay\Security\TokenHelper::email_hash( $email ),
		$M['SOURCE']           => $source,
		$M['CONSENT']          => '1',
		$M['CONSENT_TEXT']     => $c['consentText'],
		$M['CONSENT_AT']       => $created,
		$M['CAPTURED_AT']      => $created,
		$M['CART_SNAPSHOT']    => $snapshot,
		$M['CART_HASH']        => \WPAnchorBay\CartBay\Capture\CartSnapshot::hash( $snapshot ),
		$M['CART_FINGERPRINT'] => \WPAnchorBay\CartBay\Capture\CartSnapshot::fingerprint( $snapshot ),
		$M['CART_TOTAL']       => (string) wc_format_decimal( $total ),
		$M['CURRENCY']         => $c['currency'],
		$M['CART_ITEM_COUNT']  => (string) $snapshot['item_count'],
		$M['LAST_ACTIVITY_AT'] => (string) $activity,
	);
	$multi    = array();
	$order    = null;
	$coupon   = null;
	$modified = $activity;
	$out      = array(
		'i'        => $i,
		'id'       => $id,
		'email'    => $email,
		'created'  => $created,
		'total'    => $total,
		'sent'     => 0,
		'failed'   => 0,
		'clicks'   => 0,
		'clicked'  => false,
		'revenue'  => 0.0,
	);

	// The paid order of a session: lines of its cart, placed a little before it was paid at $paid_at.
	$paid_order = static function ( int $paid_at, float $discount ) use ( &$next_id, $items, $total, $email, $now ) {
		$done = $paid_at + cbb_between( 3600, 2 * DAY_IN_SECONDS );
		return array(
			'id'        => $next_id++,
			'placed'    => $paid_at - cbb_between( 20, 600 ),
			'paid'      => $paid_at,
			'completed' => ( $done < $now && cbb_rand() < 0.8 ) ? $done : 0,
			'items'     => $items,
			'discount'  => $discount,
			'total'     => max( 0.0, round( $total - $discount, 2 ) ),
			'email'     => $email,
			'meta'      => array(),
		);
	};

	if ( 'completed' === $kind ) {
		$placed_at                                 = $activity + cbb_between( 60, max( 61, $c['timeout'] - 60 ) );
		$order                                     = $paid_order( $placed_at, 0.0 );
		$order['meta'][ $M['SESSION_ID'] ]         = $session_id;
		$meta[ $M['COMPLETED_BEFORE_ABANDONMENT'] ] = $order['id'];
		$event( $E['COMPLETED_BEFORE_ABANDONMENT'], $placed_at, array( 'order_id' => $order['id'] ) );
		$modified = $placed_at;
	} elseif ( 'captured' !== $kind ) {
		$meta[ $M['ABANDONED_AT'] ] = $abandon;
		$event( $E['ABANDONED'], $abandon );
		$modified = $abandon;
		// When the sequence stopped: recovered, influenced or unsubscribed at $stop.
		$first_send = $abandon + $c['steps'][0]['delay'] + 120;
		$stop       = PHP_INT_MAX;
		if ( 'recovered' === $kind ) {
			$stop = $abandon + 600 < $now - 60 ? cbb_between( $abandon + 600, min( $abandon + 5 * DAY_IN_SECONDS, $now - 60 ) ) : PHP_INT_MAX;
		} elseif ( 'influenced' === $kind ) {
			$stop = $abandon + 3600 < $now - 60 ? cbb_between( $abandon + 3600, min( $abandon + $c['attribution']['windowDays'] * DAY_IN_SECONDS - 60, $now - 60 ) ) : PHP_INT_MAX;
		} elseif ( 'suppressed' === $kind ) {
			$stop = $first_send + 600 < $now - 60 ? cbb_between( $first_send + 600, min( $first_send + 3 * DAY_IN_SECONDS, $now - 60 ) ) : PHP_INT_MAX;
		}
		if ( PHP_INT_MAX === $stop ) {
			$kind = 'abandoned';
		}
		$age      = $now - $created;
		$steps    = array_slice( $c['steps'], 0, $age > 60 * DAY_IN_SECONDS ? 1 : ( $age > 30 * DAY_IN_SECONDS ? 2 : 3 ) );
		$records  = array();
		$hashes   = array();
		$last_sent = null;
		foreach ( $steps as $step ) {
			$nid       = $c['notification']['prefix'] . cbb_chars( 'abcdefghijklmnopqrstuvwxyz0123456789', $c['notification']['length'] );
			$scheduled = $abandon + $step['delay'];
			$record    = array(
				'id'                 => $nid,
				'step'               => $step['step'],
				'email_id'           => $step['id'],
				'status'             => $S['QUEUED'],
				'trigger'            => $c['trigger']['ABANDONMENT'],
				'scheduled_at'       => $scheduled,
				'attempts'           => 0,
				'last_error'         => '',
				'cancel_reason'      => '',
				'restore_clicked_at' => 0,
				'recovered_order_id' => 0,
				'timestamps'         => array( $S['QUEUED'] => $abandon ),
			);
			$x = cbb_rand();
			if ( $scheduled + 90 >= $stop ) {
				$record['status']                  = $S['CANCELED'];
				$record['cancel_reason']           = array( 'recovered' => $R['RECOVERED'], 'influenced' => $R['INFLUENCED'], 'suppressed' => $R['UNSUBSCRIBED'] )[ $kind ];
				$record['timestamps'][ $S['CANCELED'] ] = $stop;
			} elseif ( $scheduled > $now - 60 ) {
				$out['pending'] = ( $out['pending'] ?? 0 ) + 1;
			} elseif ( $x < 0.05 && $scheduled + 3600 < min( $now, $stop ) ) {
				$record['status']     = $S['FAILED'];
				$record['attempts']   = 3;
				$record['last_error'] = 'Could not instantiate mail function. (recipient [redacted])';
				$record['timestamps'] += array(
					$S['ATTEMPTED']    => $scheduled + 2700 + 2,
					$S['RETRY_QUEUED'] => $scheduled + 900 + 1,
					$S['FAILED']       => $scheduled + 2700 + 3,
				);
				foreach ( array( 1, 2, 3 ) as $attempt ) {
					$event( $E['EMAIL_FAILED'], $scheduled + ( $attempt - 1 ) * 900 + 3, array( 'step' => $step['step'], 'notification_id' => $nid, 'attempt' => $attempt ) );
				}
				++$out['failed'];
				$modified = max( $modified, $scheduled + 2700 + 3 );
			} elseif ( $x < 0.08 ) {
				$record['status']                      = $S['CANCELED'];
				$record['cancel_reason']               = $R['EMAIL_DISABLED'];
				$record['timestamps'][ $S['CANCELED'] ] = $scheduled + 1;
				$modified                              = max( $modified, $scheduled + 1 );
			} else {
				$sent_at              = $scheduled + cbb_between( 1, 90 );
				$record['status']     = $S['SENT'];
				$record['attempts']   = 1;
				$record['timestamps'] += array( $S['ATTEMPTED'] => $sent_at - 1, $S['SENT'] => $sent_at );
				$hash                 = hash( 'sha256', 'restore|' . $session_id . '|' . $nid );
				$hashes[ $hash ]      = array( 'expires_at' => $sent_at + $c['restoreTokenDays'] * DAY_IN_SECONDS, 'notification_id' => $nid );
				$multi[ $M['TOKEN_HASH'] ][] = $hash;
				$meta[ $M['TOKEN_EXPIRES_AT'] ] = $sent_at + $c['restoreTokenDays'] * DAY_IN_SECONDS;
				if ( empty( $multi[ $M['UNSUB_TOKEN_HASH'] ] ) ) {
					$multi[ $M['UNSUB_TOKEN_HASH'] ] = array( hash( 'sha256', 'unsubscribe|' . $email ) );
				}
				$event( $E['EMAIL_SENT'], $sent_at, array( 'step' => $step['step'], 'notification_id' => $nid ) );
				if ( $step['coupon'] ) {
					$code   = $c['coupon']['prefix'] . cbb_chars( $c['coupon']['alphabet'], $c['coupon']['length'] );
					$coupon = array(
						'id'      => $next_id++,
						'code'    => $code,
						'created' => $sent_at - 1,
						'expires' => $sent_at - 1 + $c['coupon']['days'] * DAY_IN_SECONDS,
						'used'    => false,
					);
					$meta[ $M['COUPON_CODE'] ]       = $code;
					$meta[ $M['COUPON_EXPIRES_AT'] ] = $coupon['expires'];
				}
				$last_sent = $nid;
				++$out['sent'];
				$modified = max( $modified, $sent_at );
			}
			$records[ $nid ] = $record;
			// One indexed row per notification, where the schema has that key (as NotificationLog::queue() adds it).
			if ( isset( $M['NOTIFICATION_ID'] ) ) {
				$multi[ $M['NOTIFICATION_ID'] ][] = $nid;
			}
		}
		if ( $hashes ) {
			$meta[ $M['TOKEN_HASHES'] ] = $hashes;
		}
		// Restore clicks: most recoveries came through the link; a few shoppers clicked and did not buy.
		$clicked = null !== $last_sent && ( 'recovered' === $kind ? cbb_rand() < 0.6 : ( 'abandoned' === $kind && cbb_rand() < 0.08 ) );
		if ( $clicked ) {
			$sent_at  = $records[ $last_sent ]['timestamps'][ $S['SENT'] ];
			$click_at = 'recovered' === $kind ? min( $stop - 1, max( $sent_at + 30, $stop - cbb_between( 120, 3600 ) ) ) : min( $now - 60, $sent_at + cbb_between( 300, 2 * DAY_IN_SECONDS ) );
			$records[ $last_sent ]['restore_clicked_at'] = $click_at;
			$event( $E['RESTORE_CLICKED'], $click_at, array( 'notification_id' => $last_sent ) );
			$event( $E['CART_RESTORE_STARTED'], $click_at );
			$event( $E['CART_RESTORED'], $click_at, array( 'added' => count( $items ), 'problems' => array() ) );
			$out['clicks']  = 1;
			$out['clicked'] = 'recovered' === $kind;
			$modified       = max( $modified, $click_at );
		}
		if ( 'recovered' === $kind || 'influenced' === $kind ) {
			$by_coupon = 'recovered' === $kind && ! $clicked && null !== $coupon && cbb_rand() < 0.5;
			$discount  = ! $by_coupon ? 0.0 : ( 'percent' === $c['coupon']['type'] ? round( $total * (float) $c['coupon']['amount'] / 100, 2 ) : min( $total, (float) $c['coupon']['amount'] ) );
			$order     = $paid_order( $stop, $discount );
			$method    = 'influenced' === $kind ? 'email_hash' : ( $clicked ? 'restore_token' : ( $by_coupon ? 'coupon' : 'session_id' ) );
			$revenue   = (string) wc_format_decimal( $order['total'], 2 );
			$meta[ $M['RECOVERED_ORDER_ID'] ] = $order['id'];
			$meta[ $M['RECOVERY_METHOD'] ]    = $method;
			$order['meta'][ $M['ATTRIBUTED_SESSION_ID'] ] = $session_id;
			if ( 'recovered' === $kind ) {
				$meta[ $M['ATTRIBUTION'] ]       = $c['attribution']['recovered'];
				$meta[ $M['RECOVERED_AT'] ]      = $stop;
				$meta[ $M['RECOVERED_REVENUE'] ] = $revenue;
				$event( $E['RECOVERED'], $stop, array( 'order_id' => $order['id'], 'method' => $method, 'revenue' => $revenue ) );
				if ( $clicked ) {
					$records[ $last_sent ]['recovered_order_id']   = $order['id'];
					$order['meta'][ $M['RESTORED_SESSION_ID'] ]    = $session_id;
					$order['meta'][ $M['RESTORE_TOKEN_HASH'] ]     = $multi[ $M['TOKEN_HASH'] ][ count( $multi[ $M['TOKEN_HASH'] ] ) - 1 ];
				}
				if ( 'session_id' === $method ) {
					$order['meta'][ $M['SESSION_ID'] ] = $session_id;
				}
				if ( $by_coupon ) {
					$coupon['used']  = true;
					$order['coupon'] = strtolower( $coupon['code'] );
				}
			} else {
				$meta[ $M['ATTRIBUTION'] ]        = $c['attribution']['influenced'];
				$meta[ $M['INFLUENCED_REVENUE'] ] = $revenue;
				$event( $E['INFLUENCED'], $stop, array( 'order_id' => $order['id'], 'method' => $method, 'revenue' => $revenue ) );
			}
			$out['revenue'] = (float) $revenue;
			$modified       = max( $modified, $stop );
		} elseif ( 'suppressed' === $kind ) {
			$event( $E['UNSUBSCRIBED'], $stop );
			$modified = max( $modified, $stop );
		}
		$meta[ $M['NOTIFICATIONS'] ] = $records;
		$meta[ $M['EMAILS_SENT'] ]   = (string) $out['sent'];
	}
	usort( $events, static fn ( $a, $b ) => $a['at'] <=> $b['at'] );
	$meta[ $M['EVENTS'] ] = array_slice( $events, -$c['maxEvents'] );

	$statuses = array(
		'captured'   => 'captured',
		'abandoned'  => 'abandoned',
		'recovered'  => 'recovered',
		'influenced' => 'expired',
		'suppressed' => 'suppressed',
		'completed'  => 'expired',
	);
	return $out + array(
		'kind'     => $kind,
		'status'   => $c['status'][ $statuses[ $kind ] ],
		'modified' => $modified,
		'meta'     => $meta,
		'multi'    => $multi,
		'order'    => $order,
		'coupon'   => $coupon,
	);
}
`;

/** Rows and counters of the seeder: templates copied from CRUD-made objects, inserted in bulk. */
const PHP_SEED = String.raw`
global $wpdb;

$hpos   = \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
$M      = $cbb['meta'];
$began  = microtime( true );
$tables = array(
	'orders'      => $wpdb->prefix . 'wc_orders',
	'operational' => $wpdb->prefix . 'wc_order_operational_data',
	'addresses'   => $wpdb->prefix . 'wc_order_addresses',
	'orders_meta' => $wpdb->prefix . 'wc_orders_meta',
	'items'       => $wpdb->prefix . 'woocommerce_order_items',
	'itemmeta'    => $wpdb->prefix . 'woocommerce_order_itemmeta',
);

// ---- Templates: one session, one paid order (one line) and one CartBay coupon made through WooCommerce CRUD.
$tpl_email = 'template@bench.invalid';
$repo      = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
$session   = $repo->create();
$session->update_meta_data( $M['EMAIL'], $tpl_email );
$repo->save( $session );

$product = wc_get_product( $cbb['catalog'][0][1] ?: $cbb['catalog'][0][0] );
$paid    = new WC_Order();
$paid->set_created_via( 'checkout' );
$paid->set_billing_email( $tpl_email );
$paid->set_payment_method( 'cod' );
$paid->set_payment_method_title( 'Cash on delivery' );
$paid->add_product( $product, 1 );
$paid->calculate_totals( false );
$paid->set_date_paid( time() );
$paid->set_date_completed( time() );
$paid->set_status( 'completed' );
$paid->save();

$tpl_coupon = new WC_Coupon();
$tpl_coupon->set_code( 'cartbay-bench-template' );
$tpl_coupon->set_discount_type( $cbb['coupon']['type'] );
$tpl_coupon->set_amount( $cbb['coupon']['amount'] );
$tpl_coupon->set_individual_use( true );
$tpl_coupon->set_usage_limit( 1 );
$tpl_coupon->set_usage_limit_per_user( 1 );
$tpl_coupon->set_email_restrictions( array( $tpl_email ) );
$tpl_coupon->set_date_expires( time() + DAY_IN_SECONDS );
$tpl_coupon->set_description( 'CartBay recovery coupon (generated for one abandoned cart).' );
$tpl_coupon->save();

$is_ours  = static fn ( $key ) => str_starts_with( (string) $key, '_cartbay_' );
$read_all = static function ( string $table, string $column, int $id ) use ( $wpdb ) {
	return $wpdb->get_results( $wpdb->prepare( "SELECT * FROM $table WHERE $column = %d ORDER BY 1", $id ), ARRAY_A ); // phpcs:ignore
};
$template = static function ( WC_Abstract_Order|WC_Coupon $object ) use ( $wpdb, $hpos, $tables, $read_all, $is_ours ) {
	$id  = $object->get_id();
	$out = array( 'id' => $id, 'post' => $read_all( $wpdb->posts, 'ID', $id )[0] );
	if ( $hpos && ! $object instanceof WC_Coupon ) {
		$out['order']       = $read_all( $tables['orders'], 'id', $id )[0];
		$out['operational'] = $read_all( $tables['operational'], 'order_id', $id )[0];
		$out['addresses']   = $read_all( $tables['addresses'], 'order_id', $id );
		$out['meta']        = array_values( array_filter( $read_all( $tables['orders_meta'], 'order_id', $id ), static fn ( $m ) => ! $is_ours( $m['meta_key'] ) ) );
	} else {
		$out['meta'] = array_values( array_filter( $read_all( $wpdb->postmeta, 'post_id', $id ), static fn ( $m ) => ! $is_ours( $m['meta_key'] ) ) );
	}
	$out['items'] = array();
	foreach ( $read_all( $tables['items'], 'order_id', $id ) as $item ) {
		$item['meta']    = $read_all( $tables['itemmeta'], 'order_item_id', (int) $item['order_item_id'] );
		$out['items'][] = $item;
	}
	return $out;
};
$tpl = array(
	'session' => $template( $session ),
	'order'   => $template( $paid ),
	'coupon'  => $template( $tpl_coupon ),
	'email'   => $tpl_email,
);
$tpl_order_key = $paid->get_order_key();
$tpl_session_key = $session->get_order_key();
$session->delete( true );
$paid->delete( true );
$tpl_coupon->delete( true );

// ---- The writer: buffered rows per table, flushed in one transaction per batch.
final class Cbb_Writer {
	public array $rows = array();
	public array $inserted = array();
	private array $statements = array();
	public function __construct( private string $mode, private ?PDO $pdo ) {}
	public function add( string $table, array $row ): void {
		$this->rows[ $table ][] = $row;
	}
	public function flush(): void {
		global $wpdb;
		$this->begin();
		foreach ( $this->rows as $table => $rows ) {
			$columns = array_keys( $rows[0] );
			$this->inserted[ $table ] = ( $this->inserted[ $table ] ?? 0 ) + count( $rows );
			if ( 'pdo' === $this->mode ) {
				$key = $table . '|' . implode( ',', $columns );
				$this->statements[ $key ] ??= $this->pdo->prepare( sprintf( 'INSERT INTO %s (%s) VALUES (%s)', $table, implode( ', ', $columns ), implode( ', ', array_fill( 0, count( $columns ), '?' ) ) ) );
				foreach ( $rows as $row ) {
					$this->statements[ $key ]->execute( array_map( static fn ( $col ) => $row[ $col ], $columns ) );
				}
				continue;
			}
			foreach ( array_chunk( $rows, 400 ) as $chunk ) {
				$values = array();
				foreach ( $chunk as $row ) {
					$values[] = '(' . implode( ', ', array_map( static fn ( $col ) => null === $row[ $col ] ? 'NULL' : $wpdb->prepare( '%s', $row[ $col ] ), $columns ) ) . ')';
				}
				if ( false === $wpdb->query( sprintf( 'INSERT INTO %s (%s) VALUES %s', $table, implode( ', ', $columns ), implode( ', ', $values ) ) ) ) { // phpcs:ignore
					throw new RuntimeException( "insert into $table failed: " . $wpdb->last_error );
				}
			}
		}
		$this->commit();
		$this->rows = array();
	}
	private function begin(): void {
		'pdo' === $this->mode ? $this->pdo->beginTransaction() : $GLOBALS['wpdb']->query( 'START TRANSACTION' );
	}
	private function commit(): void {
		'pdo' === $this->mode ? $this->pdo->commit() : $GLOBALS['wpdb']->query( 'COMMIT' );
	}
}

$pdo    = ( 'pdo' === $cbb['sql'] && method_exists( $wpdb->dbh, 'get_sqlite_pdo' ) ) ? $wpdb->dbh->get_sqlite_pdo() : null;
$writer = new Cbb_Writer( $pdo ? 'pdo' : 'wpdb', $pdo );

$local   = static fn ( int $t ) => wp_date( 'Y-m-d H:i:s', $t );
$gmt     = static fn ( int $t ) => gmdate( 'Y-m-d H:i:s', $t );
$key     = static fn () => 'wc_order_' . cbb_chars( 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 13 );
$value   = static fn ( $v ) => is_array( $v ) ? serialize( $v ) : ( is_bool( $v ) ? ( $v ? '1' : '' ) : (string) $v );
$next_item = 1 + (int) $wpdb->get_var( "SELECT MAX(order_item_id) FROM {$tables['items']}" );

/** The post row of an order (posts storage) or its placeholder (HPOS), from the template's. */
$post_row = static function ( array $t, int $id, int $created, int $modified, array $changes ) use ( $local, $gmt ) {
	return array_merge(
		$t['post'],
		array(
			'ID'                => $id,
			'post_date'         => $local( $created ),
			'post_date_gmt'     => $gmt( $created ),
			'post_modified'     => $local( $modified ),
			'post_modified_gmt' => $gmt( $modified ),
			'guid'              => str_replace( 'p=' . $t['id'], 'p=' . $id, $t['post']['guid'] ),
			'comment_count'     => 0,
		),
		$changes
	);
};

/**
 * Every row of an order: the template's rows with this order's id, dates, key, status, email, totals and
 * meta ($core: WooCommerce meta overrides; $ours: CartBay meta; $multi: keys with one row per value).
 */
$order_rows = static function ( array $t, array $o ) use ( $writer, $hpos, $tables, $tpl, $local, $gmt, $value, $post_row, &$next_item ) {
	$id   = $o['id'];
	$meta = array();
	foreach ( $t['meta'] as $m ) {
		$v = $m['meta_value'];
		if ( array_key_exists( $m['meta_key'], $o['core'] ) ) {
			$v = $o['core'][ $m['meta_key'] ];
			if ( null === $v ) {
				continue;
			}
		} elseif ( str_contains( (string) $v, $tpl['email'] ) ) {
			$v = str_replace( $tpl['email'], $o['email'], $v );
		}
		$meta[] = array( $m['meta_key'], $v );
	}
	foreach ( $o['ours'] as $k => $v ) {
		$meta[] = array( $k, $value( $v ) );
	}
	foreach ( $o['multi'] as $k => $values ) {
		foreach ( $values as $v ) {
			$meta[] = array( $k, $value( $v ) );
		}
	}
	if ( $hpos ) {
		$writer->add( $GLOBALS['wpdb']->posts, $post_row( $t, $id, $o['created'], $o['modified'], array() ) );
		$writer->add( $tables['orders'], array_merge( $t['order'], array( 'id' => $id, 'status' => $o['status'], 'billing_email' => $o['email'], 'date_created_gmt' => $gmt( $o['created'] ), 'date_updated_gmt' => $gmt( $o['modified'] ) ), $o['hpos_order'] ) );
		$operational = $t['operational'];
		unset( $operational['id'] );
		$writer->add( $tables['operational'], array_merge( $operational, array( 'order_id' => $id, 'order_key' => $o['key'] ), $o['hpos_operational'] ) );
		foreach ( $t['addresses'] as $address ) {
			unset( $address['id'] );
			$address['order_id'] = $id;
			$address['email']    = $address['email'] === $tpl['email'] ? $o['email'] : $address['email'];
			$writer->add( $tables['addresses'], $address );
		}
		foreach ( $meta as list( $k, $v ) ) {
			$writer->add( $tables['orders_meta'], array( 'order_id' => $id, 'meta_key' => $k, 'meta_value' => $v ) );
		}
	} else {
		$writer->add( $GLOBALS['wpdb']->posts, $post_row( $t, $id, $o['created'], $o['modified'], $o['post'] ) );
		foreach ( $meta as list( $k, $v ) ) {
			$writer->add( $GLOBALS['wpdb']->postmeta, array( 'post_id' => $id, 'meta_key' => $k, 'meta_value' => $v ) );
		}
	}
	foreach ( $o['items'] as $line ) {
		$item_id = $next_item++;
		$writer->add( $tables['items'], array( 'order_item_id' => $item_id, 'order_item_name' => $line['name'], 'order_item_type' => $line['type'], 'order_id' => $id ) );
		foreach ( $line['meta'] as $k => $v ) {
			$writer->add( $tables['itemmeta'], array( 'order_item_id' => $item_id, 'meta_key' => $k, 'meta_value' => $value( $v ) ) );
		}
	}
};

$tpl_line = array();
foreach ( $tpl['order']['items'][0]['meta'] as $m ) {
	$tpl_line[ $m['meta_key'] ] = $m['meta_value'];
}
$counts   = array( 'by_status' => array(), 'by_kind' => array(), 'by_day' => array(), 'orders' => 0, 'coupons' => 0, 'coupons_used' => 0 );
$expected = array( 'tracked_carts' => 0, 'abandoned_carts' => 0, 'recovered_carts' => 0, 'link_restored_purchases' => 0, 'recovered_revenue' => 0.0, 'influenced_orders' => 0, 'influenced_revenue' => 0.0, 'emails_sent' => 0, 'emails_failed' => 0, 'restore_clicks' => 0, 'abandoned_value' => 0.0, 'pending_queue' => 0 );
$samples  = array();
$max_cart = 0.0;
$expected_by_day = array();
$next_id  = 1 + max( (int) $wpdb->get_var( "SELECT MAX(ID) FROM {$wpdb->posts}" ), $hpos ? (int) $wpdb->get_var( "SELECT MAX(id) FROM {$tables['orders']}" ) : 0 );
$templated = microtime( true );

for ( $i = 0; $i < $cbb['n']; $i++ ) {
	$s = cbb_spec( $i, $cbb, $next_id );
	$order_key = $key();
	$order_rows(
		$tpl['session'],
		array(
			'id'               => $s['id'],
			'email'            => $s['email'],
			'key'              => $order_key,
			'status'           => $s['status'],
			'created'          => $s['created'],
			'modified'         => $s['modified'],
			// The session order's total is its cart total (CartSnapshot::sync_order_total()).
			'core'             => array( '_order_key' => $order_key, '_billing_email' => $s['email'], '_order_total' => wc_format_decimal( $s['total'], 2 ) ),
			'ours'             => $s['meta'],
			'multi'            => $s['multi'],
			'post'             => array(
				'post_status'   => $s['status'],
				'post_title'    => 'Order &ndash; ' . wp_date( 'F j, Y @ h:i A', $s['created'] ),
				'post_password' => $order_key,
				'post_name'     => 'cartbay-session-' . wp_generate_uuid4(),
			),
			'hpos_order'       => array( 'total_amount' => wc_format_decimal( $s['total'], 2 ) ),
			'hpos_operational' => array(),
			'items'            => array(),
		)
	);
	if ( $s['order'] ) {
		$o    = $s['order'];
		$okey = $key();
		$status = $o['completed'] ? 'wc-completed' : 'wc-processing';
		$items  = array();
		foreach ( $o['items'] as $line ) {
			$items[] = array(
				'name' => $line['name'],
				'type' => 'line_item',
				'meta' => array_merge(
					$tpl_line,
					array(
						'_product_id'    => $line['product_id'],
						'_variation_id'  => $line['variation_id'],
						'_qty'           => $line['quantity'],
						'_line_subtotal' => $line['line_total'],
						'_line_total'    => $line['line_total'],
					),
					array_combine( array_map( static fn ( $k ) => substr( $k, strlen( 'attribute_' ) ), array_keys( $line['variation'] ) ), array_values( $line['variation'] ) ) ?: array()
				),
			);
		}
		if ( isset( $o['coupon'] ) ) {
			$items[] = array( 'name' => $o['coupon'], 'type' => 'coupon', 'meta' => array( 'discount_amount' => $o['discount'], 'discount_amount_tax' => 0 ) );
		}
		$modified = max( $o['paid'], $o['completed'] );
		$order_rows(
			$tpl['order'],
			array(
				'id'               => $o['id'],
				'email'            => $o['email'],
				'key'              => $okey,
				'status'           => $status,
				'created'          => $o['placed'],
				'modified'         => $modified,
				'core'             => array(
					'_order_key'      => $okey,
					'_billing_email'  => $o['email'],
					'_order_total'    => wc_format_decimal( $o['total'], 2 ),
					'_cart_discount'  => wc_format_decimal( $o['discount'] ),
					'_date_paid'      => (string) $o['paid'],
					'_paid_date'      => $local( $o['paid'] ),
					'_date_completed' => $o['completed'] ? (string) $o['completed'] : null,
					'_completed_date' => $o['completed'] ? $local( $o['completed'] ) : null,
				),
				'ours'             => $o['meta'],
				'multi'            => array(),
				'post'             => array(
					'post_status'   => $status,
					'post_title'    => 'Order &ndash; ' . wp_date( 'F j, Y @ h:i A', $o['placed'] ),
					'post_password' => $okey,
					'post_name'     => 'order-' . $o['id'],
				),
				'hpos_order'       => array( 'total_amount' => wc_format_decimal( $o['total'], 2 ) ),
				'hpos_operational' => array(
					'date_paid_gmt'         => $gmt( $o['paid'] ),
					'date_completed_gmt'    => $o['completed'] ? $gmt( $o['completed'] ) : null,
					'discount_total_amount' => wc_format_decimal( $o['discount'] ),
				),
				'items'            => $items,
			)
		);
		++$counts['orders'];
	}
	if ( $s['coupon'] ) {
		$cp    = $s['coupon'];
		$lower = strtolower( $cp['code'] );
		$cmeta = array();
		foreach ( $tpl['coupon']['meta'] as $m ) {
			$cmeta[ $m['meta_key'] ] = $m['meta_value'];
		}
		$cmeta = array_merge(
			$cmeta,
			array(
				'date_expires'   => (string) $cp['expires'],
				'customer_email' => serialize( array( $s['email'] ) ),
				'usage_count'    => $cp['used'] ? '1' : '0',
			)
		);
		$writer->add( $wpdb->posts, $post_row( $tpl['coupon'], $cp['id'], $cp['created'], $cp['created'], array( 'post_title' => $lower, 'post_name' => $lower ) ) );
		$coupon_items = array();
		foreach ( $s['meta'][ $M['CART_SNAPSHOT'] ]['items'] as $line ) {
			$coupon_items[ $line['product_id'] . ':' . $line['variation_id'] ] = $line['quantity'];
		}
		$ours = array(
			$M['SESSION_ID']        => $s['meta'][ $M['SESSION_ID'] ],
			$M['EMAIL']             => $s['email'],
			$M['EMAIL_HASH']        => $s['meta'][ $M['EMAIL_HASH'] ],
			$M['COUPON_ITEMS']      => $coupon_items,
			$M['COUPON_GENERATED']  => 'yes',
			$M['COUPON_OFFER_NOTE'] => sprintf( '%s %s, %d days', $cbb['coupon']['type'], wc_format_decimal( $cbb['coupon']['amount'] ), $cbb['coupon']['days'] ),
		);
		foreach ( $cmeta + ( $cp['used'] ? array( '_used_by' => $s['email'] ) : array() ) + array_map( $value, $ours ) as $k => $v ) {
			$writer->add( $wpdb->postmeta, array( 'post_id' => $cp['id'], 'meta_key' => $k, 'meta_value' => $v ) );
		}
		++$counts['coupons'];
		$counts['coupons_used'] += $cp['used'] ? 1 : 0;
	}

	$counts['by_status'][ $s['status'] ] = ( $counts['by_status'][ $s['status'] ] ?? 0 ) + 1;
	$counts['by_kind'][ $s['kind'] ]     = ( $counts['by_kind'][ $s['kind'] ] ?? 0 ) + 1;
	$day                                 = wp_date( 'Y-m-d', $s['created'] );
	$counts['by_day'][ $day ]            = ( $counts['by_day'][ $day ] ?? 0 ) + 1;
	$abandoned                           = isset( $s['meta'][ $M['ABANDONED_AT'] ] );
	// What the session adds to the figures of its day (the metric definitions of plugin/schema/analytics.ts).
	$adds = array(
		'tracked_carts'           => 1,
		'abandoned_carts'         => $abandoned ? 1 : 0,
		'abandoned_value'         => $abandoned ? $s['total'] : 0,
		'recovered_carts'         => 'recovered' === $s['kind'] ? 1 : 0,
		'link_restored_purchases' => $s['clicked'] ? 1 : 0,
		'recovered_revenue'       => 'recovered' === $s['kind'] ? $s['revenue'] : 0,
		'influenced_orders'       => 'influenced' === $s['kind'] ? 1 : 0,
		'influenced_revenue'      => 'influenced' === $s['kind'] ? $s['revenue'] : 0,
		'emails_sent'             => $s['sent'],
		'emails_failed'           => $s['failed'],
		'restore_clicks'          => $s['clicks'],
		'pending_queue'           => $s['pending'] ?? 0,
	);
	foreach ( $adds as $metric => $add ) {
		$expected[ $metric ]               += $add;
		$expected_by_day[ $day ][ $metric ] = ( $expected_by_day[ $day ][ $metric ] ?? 0 ) + $add;
	}
	$max_cart                            = max( $max_cart, $s['total'] );
	// Samples for the verification: the first sessions of each kind (and with a coupon).
	$sample_kind = $s['kind'] . ( $s['coupon'] ? '+coupon' : '' );
	if ( count( $samples[ $sample_kind ] ?? array() ) < 2 ) {
		$samples[ $sample_kind ][] = array(
			'id'       => $s['id'],
			'kind'     => $s['kind'],
			'status'   => $s['status'],
			'created'  => $s['created'],
			'email'    => $s['email'],
			'meta'     => array_map( $value, $s['meta'] ),
			'multi'    => array_map( static fn ( $values ) => array_map( $value, $values ), $s['multi'] ),
			'records'  => count( $s['meta'][ $M['NOTIFICATIONS'] ] ?? array() ),
			'order'    => $s['order'] ? array( 'id' => $s['order']['id'], 'total' => $s['order']['total'], 'lines' => count( $s['order']['items'] ), 'completed' => (bool) $s['order']['completed'] ) : null,
			'coupon'   => $s['coupon'] ? array( 'code' => $s['coupon']['code'], 'expires' => $s['coupon']['expires'], 'used' => $s['coupon']['used'] ) : null,
		);
	}
	if ( 0 === ( $i + 1 ) % 1000 ) {
		$writer->flush();
	}
}
$writer->flush();
$expected['recovered_revenue']  = round( $expected['recovered_revenue'], 2 );
$expected['influenced_revenue'] = round( $expected['influenced_revenue'], 2 );
$expected['abandoned_value']    = round( $expected['abandoned_value'], 2 );
file_put_contents( $cbb['samplesFile'], wp_json_encode( $samples ) );
echo wp_json_encode(
	array(
		'seconds'          => microtime( true ) - $began,
		'template_seconds' => $templated - $began,
		'writer'           => $pdo ? 'pdo' : 'wpdb',
		'hpos'             => $hpos,
		'now'              => $cbb['now'],
		'from'             => $cbb['from'],
		'counts'           => $counts,
		'expected'         => $expected,
		'expected_by_day'  => $expected_by_day,
		'max_cart_total'   => $max_cart,
		'rows'             => $writer->inserted,
		'peak_mb'          => memory_get_peak_usage() / 1048576,
	)
), "\n";
`;

/** The same sessions through WooCommerce CRUD (SessionRepository, as capture and the sequence save them), timed. */
const PHP_CRUD_SAMPLE = String.raw`
$repo    = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
$next_id = 1;
$began   = microtime( true );
for ( $i = 0; $i < $cbb['n']; $i++ ) {
	$s     = cbb_spec( $i, $cbb, $next_id );
	$order = $repo->create();
	$order->set_date_created( $s['created'] );
	foreach ( $s['meta'] as $k => $v ) {
		$order->update_meta_data( $k, $v );
	}
	foreach ( $s['multi'] as $k => $values ) {
		foreach ( $values as $v ) {
			$order->add_meta_data( $k, $v );
		}
	}
	// As a data store reads it: the status is set without a transition (no hooks for a fixture).
	$order->set_object_read( false );
	$order->set_status( $s['status'] );
	$order->set_object_read( true );
	$repo->save( $order );
	if ( 0 === $i % 100 ) {
		wp_cache_flush_runtime();
	}
}
echo wp_json_encode( array( 'sessions' => $cbb['n'], 'seconds' => microtime( true ) - $began ) ), "\n";
`;

/** Reads the seeded store back through WooCommerce: counts by status, sample sessions, orders and coupons. */
const PHP_VERIFY = String.raw`
$cbb      = json_decode( $argv[1], true );
$M        = $cbb['meta'];
$seed     = $cbb['seed'];
$problems = array();
$count    = static fn ( array $args ) => (int) wc_get_orders( $args + array( 'limit' => 1, 'paginate' => true, 'return' => 'ids' ) )->total;
$by_status = array();
foreach ( $cbb['status'] as $slug ) {
	$by_status[ $slug ] = $count( array( 'status' => $slug, 'created_via' => $cbb['createdVia'] ) );
	if ( $by_status[ $slug ] !== ( $seed['counts']['by_status'][ $slug ] ?? 0 ) ) {
		$problems[] = sprintf( '%s: wc_get_orders finds %d sessions, %d seeded', $slug, $by_status[ $slug ], $seed['counts']['by_status'][ $slug ] ?? 0 );
	}
}
$sessions = $count( array( 'status' => array_values( $cbb['status'] ), 'created_via' => $cbb['createdVia'] ) );
if ( $sessions !== $seed['n'] ) {
	$problems[] = "wc_get_orders finds $sessions CartBay sessions, {$seed['n']} seeded";
}
$paid = $count( array( 'status' => array( 'wc-completed', 'wc-processing' ) ) );
if ( $paid !== $seed['counts']['orders'] ) {
	$problems[] = "wc_get_orders finds $paid paid orders, {$seed['counts']['orders']} seeded";
}
$coupons = ( new WP_Query( array( 'post_type' => 'shop_coupon', 'post_status' => 'publish', 'posts_per_page' => 1, 'fields' => 'ids', 'meta_key' => $M['COUPON_GENERATED'], 'meta_value' => 'yes' ) ) )->found_posts; // phpcs:ignore
if ( (int) $coupons !== $seed['counts']['coupons'] ) {
	$problems[] = "$coupons CartBay coupons found, {$seed['counts']['coupons']} seeded";
}
$oldest = wc_get_orders( array( 'status' => array_values( $cbb['status'] ), 'created_via' => $cbb['createdVia'], 'limit' => 1, 'orderby' => 'date', 'order' => 'ASC' ) )[0] ?? null;
$newest = wc_get_orders( array( 'status' => array_values( $cbb['status'] ), 'created_via' => $cbb['createdVia'], 'limit' => 1, 'orderby' => 'date', 'order' => 'DESC' ) )[0] ?? null;
$span   = array(
	'oldest' => $oldest ? wp_date( 'Y-m-d H:i T', $oldest->get_date_created()->getTimestamp() ) : null,
	'newest' => $newest ? wp_date( 'Y-m-d H:i T', $newest->get_date_created()->getTimestamp() ) : null,
	'from'   => wp_date( 'Y-m-d H:i T', $seed['from'] ),
);
if ( ! $oldest || $oldest->get_date_created()->getTimestamp() < $seed['from'] || $newest->get_date_created()->getTimestamp() > $seed['now'] ) {
	$problems[] = 'sessions outside the 90-day period: ' . wp_json_encode( $span );
}

$checked = 0;
foreach ( json_decode( (string) file_get_contents( $cbb['samplesFile'] ), true ) as $kind => $list ) {
	foreach ( $list as $sample ) {
		$order = wc_get_order( $sample['id'] );
		$where = "$kind session {$sample['id']}";
		if ( ! $order instanceof WC_Order ) {
			$problems[] = "$where: wc_get_order() finds no order";
			continue;
		}
		++$checked;
		if ( $order->get_created_via() !== $cbb['createdVia'] || 'wc-' . $order->get_status() !== $sample['status'] || $order->get_billing_email() !== $sample['email'] || $order->get_date_created()->getTimestamp() !== $sample['created'] ) {
			$problems[] = sprintf( '%s: created_via %s, status %s, email %s, created %s', $where, $order->get_created_via(), $order->get_status(), $order->get_billing_email(), $order->get_date_created() );
		}
		foreach ( $sample['meta'] as $k => $want ) {
			$got = $order->get_meta( $k );
			if ( maybe_serialize( $got ) !== $want && (string) $got !== $want ) {
				$problems[] = "$where: meta $k reads " . substr( wp_json_encode( $got ), 0, 120 );
			}
		}
		foreach ( $sample['multi'] as $k => $want ) {
			$got = array_map( static fn ( $m ) => maybe_serialize( $m->value ), $order->get_meta( $k, false ) );
			sort( $got );
			sort( $want );
			if ( $got !== $want ) {
				$problems[] = "$where: meta $k has " . count( $got ) . ' rows, ' . count( $want ) . ' seeded';
			}
		}
		if ( count( \WPAnchorBay\CartBay\Notifications\NotificationLog::all( $order ) ) !== $sample['records'] ) {
			$problems[] = "$where: NotificationLog::all() has " . count( \WPAnchorBay\CartBay\Notifications\NotificationLog::all( $order ) ) . " records, {$sample['records']} seeded";
		}
		if ( $sample['order'] ) {
			$paid_order = wc_get_order( $sample['order']['id'] );
			if ( ! $paid_order instanceof WC_Order || ! $paid_order->is_paid() || abs( (float) $paid_order->get_total() - $sample['order']['total'] ) > 0.001 || count( $paid_order->get_items() ) !== $sample['order']['lines'] || $paid_order->get_billing_email() !== $sample['email'] || ( $paid_order->get_date_completed() !== null ) !== $sample['order']['completed'] ) {
				$problems[] = "$where: its paid order {$sample['order']['id']} reads " . ( $paid_order ? sprintf( 'status %s, paid %s, total %s, %d lines, %s', $paid_order->get_status(), $paid_order->is_paid() ? 'yes' : 'no', $paid_order->get_total(), count( $paid_order->get_items() ), $paid_order->get_billing_email() ) : 'nothing' );
			}
		}
		if ( $sample['coupon'] ) {
			$coupon = new WC_Coupon( $sample['coupon']['code'] );
			if ( ! $coupon->get_id() || 'yes' !== $coupon->get_meta( $M['COUPON_GENERATED'] ) || $coupon->get_email_restrictions() !== array( $sample['email'] ) || $coupon->get_meta( $M['SESSION_ID'] ) !== $sample['meta'][ $M['SESSION_ID'] ] || ! $coupon->get_date_expires() || $coupon->get_date_expires()->getTimestamp() !== $sample['coupon']['expires'] || $coupon->get_usage_count() !== ( $sample['coupon']['used'] ? 1 : 0 ) ) {
				$problems[] = "$where: coupon {$sample['coupon']['code']} reads id " . $coupon->get_id() . ', restrictions ' . wp_json_encode( $coupon->get_email_restrictions() );
			}
		}
	}
}
echo wp_json_encode( array( 'problems' => $problems, 'by_status' => $by_status, 'sessions' => $sessions, 'paid_orders' => $paid, 'coupons' => (int) $coupons, 'samples' => $checked, 'span' => $span ) ), "\n";
`;

/** Runs one due rebuild batch as Action Scheduler's queue runner runs it (this process is one batch). */
const TRANSIENT_NAMES = constants( transients );

/** Deletes every ledger month and the cached report: the ledger is gone, the sessions stay as they are. */
const PHP_FORGET_LEDGER = String.raw`
$ledger = '\WPAnchorBay\CartBay\Analytics\AnalyticsLedger';
foreach ( $ledger::months() as $month ) {
	delete_option( $ledger::option_name( $month ) );
}
delete_transient( '${ TRANSIENT_NAMES.ANALYTICS_CACHE }' );
echo count( $ledger::months() ), "\n";`;

const PHP_REBUILD_BATCH = String.raw`
$hook  = $argv[1];
$query = array( 'hook' => $hook, 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => 1, 'orderby' => 'date', 'order' => 'ASC' );
$due   = as_get_scheduled_actions( $query + array( 'date' => as_get_datetime_object( time() + 60 ), 'date_compare' => '<=' ), 'ids' );
$out   = array( 'ran' => false );
if ( $due ) {
	$id    = (int) reset( $due );
	$began = microtime( true );
	ActionScheduler::runner()->process_action( $id, 'CartBay bench' );
	$out = array(
		'ran'     => true,
		'id'      => $id,
		'seconds' => microtime( true ) - $began,
		'status'  => ActionScheduler::store()->get_status( $id ),
		'peak_mb' => memory_get_peak_usage() / 1048576,
	);
}
$out['pending'] = count( as_get_scheduled_actions( array_merge( $query, array( 'per_page' => -1 ) ), 'ids' ) );
$out['failed']  = count( as_get_scheduled_actions( array( 'hook' => $hook, 'status' => ActionScheduler_Store::STATUS_FAILED, 'per_page' => -1 ), 'ids' ) );
echo wp_json_encode( $out ), "\n";
`;

/** Records each request's peak memory at shutdown when it carries the bench header (and only then). */
const MEMORY_MU_PLUGIN = String.raw`<?php
/**
 * Plugin Name: CartBay analytics bench: request memory
 * Description: Writes memory_get_peak_usage() at shutdown for requests that send X-CartBay-Bench-Memory.
 */
if ( isset( $_SERVER['HTTP_X_CARTBAY_BENCH_MEMORY'] ) && 1 === preg_match( '/^[a-z0-9-]{1,40}$/', (string) $_SERVER['HTTP_X_CARTBAY_BENCH_MEMORY'] ) ) {
	$cartbay_bench_memory_file = WP_CONTENT_DIR . '/cartbay-bench-memory-' . $_SERVER['HTTP_X_CARTBAY_BENCH_MEMORY'] . '.json';
	register_shutdown_function(
		static function () use ( $cartbay_bench_memory_file ) {
			file_put_contents( $cartbay_bench_memory_file, json_encode( array( 'peak' => memory_get_peak_usage(), 'peak_real' => memory_get_peak_usage( true ), 'limit' => ini_get( 'memory_limit' ) ) ) );
		}
	);
}
add_filter( 'action_scheduler_allow_async_request_runner', '__return_false' );
`;

// ---- HTTP as the admin ---------------------------------------------------------------------------------

class Admin {
	private readonly cookies = new Map< string, string >();
	nonce = '';

	constructor( readonly base: string ) {}

	private take( response: Response ): void {
		for ( const line of response.headers.getSetCookie() ) {
			const pair = line.split( ';', 1 )[ 0 ] ?? '';
			const eq = pair.indexOf( '=' );
			if ( eq > 0 ) {
				this.cookies.set(
					pair.slice( 0, eq ).trim(),
					pair.slice( eq + 1 ).trim()
				);
			}
		}
	}

	private cookie(): string {
		return Array.from( this.cookies, ( [ k, v ] ) => `${ k }=${ v }` ).join(
			'; '
		);
	}

	/** Signs in through wp-login.php and takes a REST nonce, as the admin screens do. */
	async logIn(): Promise< void > {
		this.take(
			await fetch( `${ this.base }/wp-login.php`, { redirect: 'manual' } )
		);
		const login = await fetch( `${ this.base }/wp-login.php`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Cookie: this.cookie(),
			},
			body: new URLSearchParams( {
				log: ADMIN.user,
				pwd: ADMIN.password,
				'wp-submit': 'Log In',
				testcookie: '1',
				redirect_to: `${ this.base }/wp-admin/`,
			} ).toString(),
		} );
		await login.arrayBuffer();
		this.take( login );
		const nonce = await fetch(
			`${ this.base }/wp-admin/admin-ajax.php?action=rest-nonce`,
			{ headers: { Cookie: this.cookie() } }
		);
		this.nonce = ( await nonce.text() ).trim();
		if ( ! /^[0-9a-f]{10}$/.test( this.nonce ) ) {
			throw new Error(
				`admin login failed (login ${ login.status }, nonce answer "${ this.nonce.slice( 0, 80 ) }")`
			);
		}
	}

	/**
	 * One REST request, timed from send until the body is read to the end.
	 * @param path        Path with its query.
	 * @param init        Method and JSON body.
	 * @param init.method HTTP method (default GET).
	 * @param init.body   JSON body.
	 * @param memoryToken Asks the bench must-use plugin to record this request's peak memory under this name.
	 */
	async request(
		path: string,
		init: { method?: string; body?: unknown } = {},
		memoryToken?: string
	): Promise< {
		ms: number;
		status: number;
		body: string;
		headers: Headers;
	} > {
		const started = performance.now();
		const response = await fetch( `${ this.base }${ path }`, {
			method: init.method ?? 'GET',
			headers: {
				Cookie: this.cookie(),
				'X-WP-Nonce': this.nonce,
				...( init.body !== undefined
					? { 'Content-Type': 'application/json' }
					: {} ),
				...( memoryToken
					? { 'X-CartBay-Bench-Memory': memoryToken }
					: {} ),
			},
			body:
				init.body !== undefined
					? JSON.stringify( init.body )
					: undefined,
		} );
		const body = await response.text();
		return {
			ms: performance.now() - started,
			status: response.status,
			body,
			headers: response.headers,
		};
	}
}

/**
 * A WP_Error answer's code and status, for "could not run" lines.
 * @param answer
 * @param answer.status
 * @param answer.body
 */
function describe( answer: { status: number; body: string } ): string {
	try {
		const error = JSON.parse( answer.body ) as { code?: string };
		return `${ answer.status }${ error.code ? ` ${ error.code }` : '' }`;
	} catch {
		return `${ answer.status } ${ answer.body.slice( 0, 80 ) }`;
	}
}

function median( values: number[] ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	if ( sorted.length === 0 ) {
		return NaN;
	}
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? ( sorted[ mid ] as number )
		: ( ( sorted[ mid - 1 ] as number ) + ( sorted[ mid ] as number ) ) / 2;
}

function p95( values: number[] ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return (
		sorted[
			Math.min( sorted.length - 1, Math.ceil( 0.95 * sorted.length ) - 1 )
		] ?? NaN
	);
}

/**
 * Rows of a CSV text (quoted fields may hold commas, quotes and line breaks).
 * @param text
 */
function csvRows( text: string ): number {
	let rows = 0;
	let quoted = false;
	let empty = true;
	for ( let i = 0; i < text.length; i++ ) {
		const ch = text[ i ];
		if ( ch === '"' ) {
			quoted = ! quoted;
		} else if ( ! quoted && ( ch === '\n' || ch === '\r' ) ) {
			if ( ch === '\r' && text[ i + 1 ] === '\n' ) {
				i++;
			}
			rows += empty ? 0 : 1;
			empty = true;
			continue;
		}
		empty = false;
	}
	return rows + ( empty ? 0 : 1 );
}

async function readMemory(
	site: Site,
	token: string
): Promise< { peak: number; peak_real: number; limit: string } | null > {
	const file = join(
		site.paths.wordpress,
		'wp-content',
		`cartbay-bench-memory-${ token }.json`
	);
	for ( let i = 0; i < 100 && ! existsSync( file ); i++ ) {
		await new Promise( ( done ) => setTimeout( done, 100 ) );
	}
	if ( ! existsSync( file ) ) {
		return null;
	}
	const memory = JSON.parse( readFileSync( file, 'utf8' ) ) as {
		peak: number;
		peak_real: number;
		limit: string;
	};
	rmSync( file, { force: true } );
	return memory;
}

async function databaseMb( site: Site ): Promise< number > {
	if ( site.config.database ) {
		return lastJson< number >(
			await site.runPhpOrThrow(
				`global $wpdb; echo (float) $wpdb->get_var( $wpdb->prepare( 'SELECT SUM( data_length + index_length ) FROM information_schema.tables WHERE table_schema = %s', DB_NAME ) ) / 1048576, "\\n";`
			)
		);
	}
	return (
		[ '', '-wal' ].reduce(
			( sum, suffix ) =>
				sum +
				( existsSync( site.paths.dbFile + suffix )
					? statSync( site.paths.dbFile + suffix ).size
					: 0 ),
			0
		) / 1048576
	);
}

// ---- main --------------------------------------------------------------------------------------------

interface SeedResult {
	seconds: number;
	template_seconds: number;
	writer: string;
	hpos: boolean;
	now: number;
	from: number;
	counts: {
		by_status: Record< string, number >;
		by_kind: Record< string, number >;
		by_day: Record< string, number >;
		orders: number;
		coupons: number;
		coupons_used: number;
	};
	expected: Record< string, number >;
	expected_by_day: Record< string, Record< string, number > >;
	max_cart_total: number;
	rows: Record< string, number >;
	peak_mb: number;
}

interface Budget {
	name: string;
	ok: boolean;
	value: string;
	budget: string;
}

async function main(): Promise< number > {
	const phpReason = phpUnavailableReason();
	if ( phpReason ) {
		console.log( `skipped: ${ phpReason }` );
		return 0;
	}
	const cache = await ensureCache();
	if ( ! cache.ok ) {
		console.log(
			`skipped: WordPress/WooCommerce cache is empty: ${ cache.reason }`
		);
		return 0;
	}
	const hposArg = arg( 'hpos', 'off' );
	if ( hposArg !== 'on' && hposArg !== 'off' ) {
		throw new Error( `--hpos takes on or off, not ${ hposArg }` );
	}
	const hpos = hposArg === 'on';
	const total = Number( arg( 'analytics-sessions', '100000' ) );
	const n = Math.max( 1, Number( arg( 'analytics-n', '20' ) ) );
	const sql = arg( 'seed-sql', 'pdo' );
	const crudSample = Number( arg( 'crud-sample', '200' ) );
	const log = ( line: string ) => console.log( `# ${ line }` );
	const names = seedNames();
	const budgets: Budget[] = [];
	const report: Record< string, unknown > = { hpos, sessions: total };
	const keep = Boolean( process.env.CARTBAY_BENCH_KEEP );
	const dbKind = arg( 'db', mariaDbMissing() ? 'sqlite' : 'mariadb' );
	if ( dbKind !== 'mariadb' && dbKind !== 'sqlite' ) {
		throw new Error( `--db takes mariadb or sqlite, not ${ dbKind }` );
	}
	if ( dbKind === 'sqlite' ) {
		log(
			`DATABASE: SQLite (${ mariaDbMissing() ?? 'chosen with --db sqlite' }). Every query goes through the MySQL-to-SQLite translator, so the figures are far above a shop on MySQL/MariaDB.`
		);
	}
	let mariaDb: MariaDb | undefined;
	const mariaDir = join( tmpdir(), `cartbay-bench-mariadb-${ process.pid }` );
	let databases = 0;
	report.database = dbKind;
	// While working on one of them: --skip rebuild,analytics,sessions,export (their budgets are then left out).
	const skip = new Set( arg( 'skip', '' ).split( ',' ) );

	const makeSite = async ( dir: string ): Promise< Site > => {
		rmSync( dir, { recursive: true, force: true } );
		let database;
		if ( dbKind === 'mariadb' ) {
			mariaDb ??= await startMariaDb( mariaDir );
			const name = `cartbay_bench_${ ++databases }`;
			mariaDb.createDatabase( name );
			database = mariaDb.siteDatabase( name );
		}
		const made = await createSite( {
			dir,
			url: `http://127.0.0.1:${ PORT }`,
			hpos,
			database,
		} );
		await made.linkPlugin( join( root, 'plugin' ), 'cartbay' );
		await made.activatePlugin( `${ plugin.slug }/${ plugin.slug }.php` );
		writeFileSync(
			join( made.paths.muPlugins, 'cartbay-bench-analytics.php' ),
			MEMORY_MU_PLUGIN
		);
		// A store that keeps 90 days of sessions, in San Francisco time.
		await made.runPhpOrThrow(
			String.raw`update_option( 'timezone_string', $argv[1] );
$settings = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Settings\SettingsRepository::class );
$settings->update_settings( array( $argv[2] => (int) $argv[3] ) );`,
			{
				args: [
					TIME_ZONE,
					String( names.retentionKey ),
					String( DAYS ),
				],
			}
		);
		return made;
	};
	/**
	 * The fixture's configuration: names, the catalogue, the period, as the site sees them.
	 * @param target
	 * @param count
	 */
	const config = async (
		target: Site,
		count: number
	): Promise< Record< string, unknown > > => ( {
		...names,
		...lastJson< Record< string, unknown > >(
			await target.runPhpOrThrow(
				`${ PHP_SPEC }\n$now = time(); echo wp_json_encode( array( 'catalog' => cbb_catalog(), 'currency' => get_woocommerce_currency(), 'now' => $now, 'from' => cbb_period_start( $now, (int) $cbb['days'] ) ) ), "\\n";`,
				{ args: [ JSON.stringify( names ) ] }
			)
		),
		n: count,
		seed: 11,
		sql,
	} );

	// What WooCommerce CRUD would take (a throw-away site, the same sessions).
	if ( crudSample > 0 ) {
		const dir = join(
			tmpdir(),
			`cartbay-bench-analytics-crud-${ process.pid }`
		);
		try {
			const sample = await makeSite( dir );
			const result = lastJson< { sessions: number; seconds: number } >(
				await sample.runPhpOrThrow(
					`${ PHP_SPEC }\n${ PHP_CRUD_SAMPLE }`,
					{
						args: [
							JSON.stringify(
								await config( sample, crudSample )
							),
						],
						timeoutMs: 1_800_000,
					}
				)
			);
			const perSession = ( result.seconds * 1000 ) / result.sessions;
			report.crud = { ...result, ms_per_session: perSession };
			log(
				`WooCommerce CRUD: ${ result.sessions } sessions in ${ result.seconds.toFixed( 1 ) } s (${ perSession.toFixed( 1 ) } ms each, sessions only) → ~${ ( ( perSession * total ) / 60000 ).toFixed( 0 ) } min for ${ total.toLocaleString( 'en-US' ) } sessions, so the fixture inserts rows instead`
			);
		} finally {
			rmSync( dir, { recursive: true, force: true } );
		}
	}

	const dir = join( tmpdir(), `cartbay-bench-analytics-${ process.pid }` );
	const site = await makeSite( dir );
	let server: ServerHandle | undefined;
	try {
		log(
			`site ready (HPOS ${ hpos ? 'on' : 'off' }, ${ TIME_ZONE }, ${ dir })`
		);

		// ---- Seed and verify.
		const seedConfig = {
			...( await config( site, total ) ),
			samplesFile: join( site.paths.tmp, 'bench-analytics-samples.json' ),
		};
		const wall = performance.now();
		const seed = lastJson< SeedResult >(
			await site.runPhpOrThrow( `${ PHP_SPEC }\n${ PHP_SEED }`, {
				args: [ JSON.stringify( seedConfig ) ],
				timeoutMs: 3_600_000,
			} )
		);
		const seedWall = ( performance.now() - wall ) / 1000;
		const rows = Object.values( seed.rows ).reduce( ( a, b ) => a + b, 0 );
		const dbMb = await databaseMb( site );
		report.seed = { ...seed, wall_seconds: seedWall, database_mb: dbMb };
		log(
			`seeded ${ total.toLocaleString( 'en-US' ) } sessions, ${ seed.counts.orders.toLocaleString( 'en-US' ) } paid orders, ${ seed.counts.coupons.toLocaleString( 'en-US' ) } CartBay coupons ` +
				`(${ rows.toLocaleString( 'en-US' ) } rows, through ${ seed.writer }) in ${ seed.seconds.toFixed( 1 ) } s (${ seedWall.toFixed( 1 ) } s with the PHP start; templates ${ seed.template_seconds.toFixed( 1 ) } s); database ${ dbMb.toFixed( 0 ) } MB; seeder peak ${ seed.peak_mb.toFixed( 0 ) } MB`
		);
		log(
			`statuses ${ JSON.stringify( seed.counts.by_status ) }; kinds ${ JSON.stringify( seed.counts.by_kind ) }; ${ Object.keys( seed.counts.by_day ).length } days from ${ new Date( seed.from * 1000 ).toISOString() }`
		);
		const verify = lastJson< {
			problems: string[];
			sessions: number;
			paid_orders: number;
			coupons: number;
			samples: number;
			span: Record< string, string >;
		} >(
			await site.runPhpOrThrow( PHP_VERIFY, {
				args: [
					JSON.stringify( {
						...seedConfig,
						catalog: [],
						seed: { ...seed, n: total },
					} ),
				],
				timeoutMs: 600_000,
			} )
		);
		report.verify = verify;
		log(
			`verified through WooCommerce: ${ verify.sessions } sessions by wc_get_orders(), ${ verify.paid_orders } paid orders, ${ verify.coupons } coupons, ${ verify.samples } sample sessions loaded with wc_get_order() (oldest ${ verify.span.oldest }, newest ${ verify.span.newest }, period from ${ verify.span.from })` +
				( verify.problems.length
					? `; PROBLEMS:\n#   ${ verify.problems.slice( 0, 20 ).join( '\n#   ' ) }`
					: '; every value as seeded' )
		);
		budgets.push( {
			name: 'seed verified',
			ok: verify.problems.length === 0,
			value: `${ verify.problems.length } problems`,
			budget: 'every count and sample as seeded',
		} );

		server = await startServer( site, PORT, { warmUp: true } );
		const admin = new Admin( server.url );
		await admin.logIn();

		// ---- 1. Rebuilds. First the seeded sessions' first build: none has its contribution stored yet (as
		// after an update from a version without the ledger), so every session gets that meta row written.
		// Then the cold rebuild a store owner starts when the ledger is gone: every ledger month deleted,
		// the sessions as CartBay keeps them (each save stores the contribution), read again from scratch.
		if ( ! skip.has( 'rebuild' ) ) {
			const judge = (
				label: string,
				rebuild: Awaited< ReturnType< typeof measureRebuild > >,
				totalBudgeted: boolean
			): void => {
				const total: Budget = {
					name: `${ label } total`,
					ok: rebuild.error
						? false
						: ! totalBudgeted ||
							rebuild.totalSeconds <= BUDGET.rebuildTotalSeconds,
					value: rebuild.error
						? `not measured (${ rebuild.error })`
						: `${ rebuild.totalSeconds.toFixed( 1 ) } s (${ rebuild.batches.length } batches, ${ rebuild.processed ?? '?' } sessions read)`,
					budget: totalBudgeted
						? `≤ ${ BUDGET.rebuildTotalSeconds } s`
						: "reported (a one-time migration); the total budget is the cold rebuild's",
				};
				budgets.push( total, {
					name: `${ label } longest batch`,
					ok:
						! rebuild.error &&
						rebuild.longestSeconds <= BUDGET.rebuildBatchSeconds,
					value: rebuild.error
						? `not measured (${ rebuild.error })`
						: `${ rebuild.longestSeconds.toFixed( 1 ) } s`,
					budget: `≤ ${ BUDGET.rebuildBatchSeconds } s`,
				} );
			};
			log( 'first build (no session has its contribution stored yet):' );
			const first = await measureRebuild( site, admin, log );
			report.first_build = first;
			judge( 'first build', first, false );
			await site.runPhpOrThrow( PHP_FORGET_LEDGER );
			log( 'cold rebuild (every ledger month deleted):' );
			const rebuild = await measureRebuild( site, admin, log );
			report.rebuild = rebuild;
			judge( 'cold rebuild', rebuild, true );
		}

		// What an admin REST request of this namespace costs here anyway (GET /analytics/rebuild reads one option).
		const baseline: number[] = [];
		for ( let i = 0; i <= n; i++ ) {
			const answer = await admin.request( PATHS.rebuild );
			if ( i > 0 && answer.status === 200 ) {
				baseline.push( answer.ms );
			}
		}
		report.baseline = { p50: median( baseline ), n: baseline.length };
		log(
			`baseline: GET ${ PATHS.rebuild } p50 ${ median( baseline ).toFixed( 1 ) } ms (n=${ baseline.length }): the platform's share of every time below`
		);

		// ---- 2. Cached GET /analytics.
		if ( ! skip.has( 'analytics' ) ) {
			const analyticsPath = `${ PATHS.analytics }?days=${ DAYS }`;
			const warm = await admin.request( analyticsPath );
			if ( warm.status !== 200 ) {
				budgets.push( {
					name: 'GET /analytics p50 (cached)',
					ok: false,
					value: `not measured (${ describe( warm ) })`,
					budget: `≤ ${ BUDGET.analyticsP50Ms } ms`,
				} );
			} else {
				const times: number[] = [];
				let errors = 0;
				for ( let i = 0; i < n; i++ ) {
					const answer = await admin.request( analyticsPath );
					if ( answer.status === 200 ) {
						times.push( answer.ms );
					} else {
						errors++;
					}
				}
				const figures = compareFigures(
					JSON.parse( warm.body ) as {
						metrics?: Record< string, unknown >;
					},
					expectedFor(
						seed,
						( await periodCount( site, seed ) ).from
					)
				);
				report.analytics = {
					first_ms: warm.ms,
					p50: median( times ),
					p95: p95( times ),
					n: times.length,
					errors,
					figures,
				};
				log(
					`GET ${ analyticsPath }: first ${ warm.ms.toFixed( 0 ) } ms, then p50 ${ median( times ).toFixed( 1 ) } / p95 ${ p95( times ).toFixed( 1 ) } ms (n=${ times.length }, ${ errors } errors)`
				);
				log( `figures (got / seeded): ${ figures.line }` );
				budgets.push(
					{
						name: 'GET /analytics p50 (cached)',
						ok:
							errors === 0 &&
							median( times ) <= BUDGET.analyticsP50Ms,
						value: `${ median( times ).toFixed( 1 ) } ms (n=${ times.length }${ errors ? `, ${ errors } errors` : '' })`,
						budget: `≤ ${ BUDGET.analyticsP50Ms } ms`,
					},
					{
						name: 'analytics figures match the seed',
						ok: figures.mismatches === 0,
						value: `${ figures.mismatches } of ${ figures.compared } differ`,
						budget: 'every compared metric equal',
					}
				);
			}
		}

		// ---- 3. The Sessions list, sorted by cart total.
		const listPath = ( page: number ) =>
			`${ PATHS.sessions }?days=${ DAYS }&orderby=${ SORT_COLUMN }&order=desc&page=${ page }`;
		for ( const page of skip.has( 'sessions' ) ? [] : [ 1, 50 ] ) {
			const name = `GET /sessions page ${ page } p50`;
			const inPeriod = await periodCount( site, seed );
			const first = await admin.request(
				listPath( page ),
				{},
				`list-${ page }`
			);
			const memory = await readMemory( site, `list-${ page }` );
			if ( first.status !== 200 ) {
				budgets.push( {
					name,
					ok: false,
					value: `not measured (${ describe( first ) })`,
					budget: `≤ ${ BUDGET.sessionsP50Ms } ms`,
				} );
				continue;
			}
			const times: number[] = [];
			let errors = 0;
			for ( let i = 0; i < n; i++ ) {
				const answer = await admin.request( listPath( page ) );
				if ( answer.status === 200 ) {
					times.push( answer.ms );
				} else {
					errors++;
				}
			}
			const listed = JSON.parse( first.body ) as {
				cart_total?: number;
			}[];
			const totals = listed.map( ( r ) => Number( r.cart_total ) );
			const sorted = totals.every(
				( t, i ) => i === 0 || t <= ( totals[ i - 1 ] as number )
			);
			const header = Number( first.headers.get( 'X-WP-Total' ) );
			const topOk = page !== 1 || totals[ 0 ] === seed.max_cart_total;
			const shapeOk =
				listed.length === reportLimits.pageSize &&
				sorted &&
				header === inPeriod.size &&
				topOk;
			report[ `sessions_page_${ page }` ] = {
				first_ms: first.ms,
				p50: median( times ),
				p95: p95( times ),
				n: times.length,
				errors,
				rows: listed.length,
				total_header: header,
				sorted,
				peak_mb: memory ? memory.peak / 1048576 : null,
			};
			log(
				`GET ${ listPath( page ) }: first ${ first.ms.toFixed( 0 ) } ms (peak ${ memory ? ( memory.peak / 1048576 ).toFixed( 1 ) : '?' } MB), then p50 ${ median( times ).toFixed( 1 ) } / p95 ${ p95( times ).toFixed( 1 ) } ms (n=${ times.length }); ` +
					`${ listed.length } rows, X-WP-Total ${ header } (period has ${ inPeriod.size }), ${ sorted ? 'sorted' : 'NOT sorted' } by cart total${ page === 1 ? `, top ${ totals[ 0 ] } (largest seeded ${ seed.max_cart_total })` : '' }`
			);
			budgets.push( {
				name,
				ok:
					errors === 0 &&
					shapeOk &&
					median( times ) <= BUDGET.sessionsP50Ms,
				value: `${ median( times ).toFixed( 1 ) } ms (n=${ times.length }${ errors ? `, ${ errors } errors` : '' }${ shapeOk ? '' : ', WRONG ROWS: see above' })`,
				budget: `≤ ${ BUDGET.sessionsP50Ms } ms`,
			} );
		}

		// ---- 4. The CSV export of the whole period.
		if ( ! skip.has( 'export' ) ) {
			const exportPath = `${ PATHS.export }?days=${ DAYS }`;
			// The period moves at local midnight: a long export may start in one and end in the next.
			const before = await periodCount( site, seed );
			const exported = await admin.request( exportPath, {}, 'export' );
			const memory = await readMemory( site, 'export' );
			const after = await periodCount( site, seed );
			const expectedRows =
				before.from === after.from
					? before.label
					: `${ before.size } or ${ after.size } (midnight passed)`;
			if ( exported.status !== 200 ) {
				budgets.push( {
					name: 'export peak memory',
					ok: false,
					value: `not measured (${ describe( exported ) })`,
					budget: `≤ ${ BUDGET.exportPeakMb } MB`,
				} );
			} else {
				const csvLines = csvRows( exported.body );
				const peakMb = memory ? memory.peak / 1048576 : NaN;
				const rowsOk =
					csvLines === before.size + 1 || csvLines === after.size + 1;
				if ( ! rowsOk ) {
					const saved = join(
						tmpdir(),
						`cartbay-bench-export-${ process.pid }.csv`
					);
					writeFileSync( saved, exported.body );
					log(
						`export: ${ csvLines } CSV rows, ${ exported.body.split( '\n' ).length } lines; ends with ${ JSON.stringify( exported.body.slice( -160 ) ) }; saved as ${ saved }`
					);
				}
				report.export = {
					ms: exported.ms,
					bytes: Buffer.byteLength( exported.body ),
					rows: csvLines,
					expected_rows: [ before.size + 1, after.size + 1 ],
					content_type: exported.headers.get( 'Content-Type' ),
					peak_mb: peakMb,
					peak_real_mb: memory ? memory.peak_real / 1048576 : null,
					memory_limit: memory?.limit,
				};
				log(
					`GET ${ exportPath }: ${ ( exported.ms / 1000 ).toFixed( 1 ) } s, ${ ( Buffer.byteLength( exported.body ) / 1048576 ).toFixed( 1 ) } MB ${ exported.headers.get( 'Content-Type' ) }, ` +
						`${ csvLines } CSV rows (expected ${ expectedRows } + header); peak PHP memory ${ peakMb.toFixed( 1 ) } MB (real ${ memory ? ( memory.peak_real / 1048576 ).toFixed( 1 ) : '?' } MB, memory_limit ${ memory?.limit })`
				);
				budgets.push(
					{
						name: 'export peak memory',
						ok: peakMb <= BUDGET.exportPeakMb,
						value: memory
							? `${ peakMb.toFixed( 1 ) } MB`
							: 'not measured (no shutdown record)',
						budget: `≤ ${ BUDGET.exportPeakMb } MB`,
					},
					{
						name: 'export row count',
						ok: rowsOk,
						value: `${ csvLines } rows`,
						budget: `= ${ expectedRows } sessions + header`,
					}
				);
			}
		}
		report.database_mb_after = await databaseMb( site );
		const debug = site.readDebugLog().trim();
		if ( debug ) {
			log(
				`wp-debug.log:\n#   ${ debug.split( '\n' ).slice( -10 ).join( '\n#   ' ) }`
			);
		}
	} finally {
		await server?.stop();
		if ( ! keep ) {
			rmSync( dir, { recursive: true, force: true } );
			await mariaDb?.stop();
			rmSync( mariaDir, { recursive: true, force: true } );
		}
	}

	const json = arg( 'analytics-json', '' );
	if ( json ) {
		writeFileSync(
			json,
			`${ JSON.stringify( { ...report, budgets }, null, 2 ) }\n`
		);
	}
	console.log(
		`\nAnalytics budgets (HPOS ${ hpos ? 'on' : 'off' }, ${ dbKind === 'mariadb' ? 'MariaDB' : 'SQLite' })`
	);
	for ( const b of budgets ) {
		console.log(
			`${ b.ok ? 'PASS' : 'FAIL' } ${ b.name }: ${ b.value } (budget ${ b.budget })`
		);
	}
	return budgets.every( ( b ) => b.ok ) ? 0 : 1;
}

/**
 * Sessions in the 90-day period as the site's calendar has it now (the period moves at local midnight).
 * @param site
 * @param seed
 */
async function periodCount(
	site: Site,
	seed: SeedResult
): Promise< { from: string; size: number; label: string } > {
	const from = (
		await site.runPhpOrThrow(
			`echo ( new DateTimeImmutable( 'now', wp_timezone() ) )->setTime( 0, 0 )->modify( '-${ DAYS - 1 } days' )->format( 'Y-m-d' ), "\\n";`
		)
	)
		.trim()
		.split( '\n' )
		.pop() as string;
	const size = Object.entries( seed.counts.by_day )
		.filter( ( [ day ] ) => day >= from )
		.reduce( ( sum, [ , count ] ) => sum + count, 0 );
	return { from, size, label: String( size ) };
}

/**
 * The cold rebuild: POST /analytics/rebuild, then each due batch in its own PHP process until none is left.
 * @param site
 * @param admin
 * @param log
 */
async function measureRebuild(
	site: Site,
	admin: Admin,
	log: ( line: string ) => void
): Promise< {
	error?: string;
	totalSeconds: number;
	longestSeconds: number;
	postMs: number;
	batches: { seconds: number; processSeconds: number; status: string }[];
	processed?: number;
	state?: string;
} > {
	const batches: {
		seconds: number;
		processSeconds: number;
		status: string;
	}[] = [];
	const started = await admin.request( PATHS.rebuild, {
		method: 'POST',
		body: {},
	} );
	// 200 with the finished rebuild, or 202: started, it works in the background.
	if ( started.status < 200 || started.status > 299 ) {
		return {
			error: `POST ${ PATHS.rebuild } answered ${ describe( started ) }`,
			totalSeconds: NaN,
			longestSeconds: NaN,
			postMs: started.ms,
			batches,
		};
	}
	let pending = 0;
	let failed = 0;
	// Far over budget by then; stopping keeps the bench bounded (the report says how far it got).
	const deadline = Date.now() + REBUILD_CAP_MINUTES * 60_000;
	for (;;) {
		const began = performance.now();
		const batch = lastJson< {
			ran: boolean;
			seconds?: number;
			status?: string;
			pending: number;
			failed: number;
		} >(
			await site.runPhpOrThrow( PHP_REBUILD_BATCH, {
				args: [ REBUILD_HOOK ],
				timeoutMs: 600_000,
			} )
		);
		pending = batch.pending;
		failed = batch.failed;
		if ( ! batch.ran ) {
			break;
		}
		batches.push( {
			seconds: batch.seconds ?? NaN,
			processSeconds: ( performance.now() - began ) / 1000,
			status: batch.status ?? '?',
		} );
		if ( Date.now() > deadline ) {
			break;
		}
	}
	const progress = await admin.request( PATHS.rebuild );
	const state = JSON.parse(
		progress.status === 200 ? progress.body : '{}'
	) as { state?: string; processed?: number };
	const batchSeconds = batches.map( ( b ) => b.seconds );
	const totalSeconds =
		started.ms / 1000 +
		batches.reduce( ( sum, b ) => sum + b.processSeconds, 0 );
	const longestSeconds = Math.max( started.ms / 1000, ...batchSeconds );
	log(
		`cold rebuild: POST ${ started.ms.toFixed( 0 ) } ms, ${ batches.length } batches (${ batchSeconds.map( ( s ) => s.toFixed( 1 ) ).join( ', ' ) } s; statuses ${ [ ...new Set( batches.map( ( b ) => b.status ) ) ].join( '/' ) }), ` +
			`${ totalSeconds.toFixed( 1 ) } s in all with each batch's PHP start; then GET /rebuild: ${ progress.status } state ${ state.state ?? '?' }, processed ${ state.processed ?? '?' }; ${ pending } pending, ${ failed } failed actions left`
	);
	const error =
		state.state !== 'done'
			? `rebuild state "${ state.state ?? describe( progress ) }" after ${ batches.length } batches, ${ pending } pending`
			: failed > 0
				? `${ failed } failed rebuild actions`
				: undefined;
	return {
		error,
		totalSeconds,
		longestSeconds,
		postMs: started.ms,
		batches,
		processed: state.processed,
		state: state.state,
	};
}

/**
 * The seeded figures of the period that starts on `from` (pending_queue is a current figure: every day).
 * @param seed
 * @param from
 */
function expectedFor(
	seed: SeedResult,
	from: string
): Record< string, number > {
	const sums: Record< string, number > = {};
	for ( const [ day, figures ] of Object.entries( seed.expected_by_day ) ) {
		for ( const [ metric, value ] of Object.entries( figures ) ) {
			if ( day >= from || metric === 'pending_queue' ) {
				sums[ metric ] = ( sums[ metric ] ?? 0 ) + value;
			}
		}
	}
	return sums;
}

/**
 * The ledger's figures against what the seed put in (money to the cent).
 * @param answer
 * @param answer.metrics
 * @param expected
 */
function compareFigures(
	answer: { metrics?: Record< string, unknown > },
	expected: Record< string, number >
): { line: string; mismatches: number; compared: number } {
	const keys = [
		'tracked_carts',
		'abandoned_carts',
		'recovered_carts',
		'recovered_revenue',
		'abandoned_value',
		'influenced_orders',
		'influenced_revenue',
		'emails_sent',
		'emails_failed',
		'restore_clicks',
		'link_restored_purchases',
		'pending_queue',
	];
	let mismatches = 0;
	const parts = keys.map( ( key ) => {
		const raw = answer.metrics?.[ key ];
		const got =
			typeof raw === 'object' && raw !== null && 'value' in raw
				? Number( ( raw as { value: unknown } ).value )
				: Number( raw );
		const want = expected[ key ] ?? NaN;
		const same = Math.abs( got - want ) < 0.005;
		mismatches += same ? 0 : 1;
		return `${ key } ${ Number.isNaN( got ) ? '?' : got }${ same ? '' : ` ≠ ${ want }` }`;
	} );
	return { line: parts.join( ', ' ), mismatches, compared: keys.length };
}

main().then(
	( code ) => process.exit( code ),
	( error ) => {
		console.error( error );
		process.exit( 1 );
	}
);
