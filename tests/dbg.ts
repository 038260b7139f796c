import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, startServer, freePort } from './store';
(async () => {
const dir = mkdtempSync(join(tmpdir(), 'cb-dbg-')); rmSync(dir, { recursive: true });
const port = await freePort();
const site = await createSite({ dir, url: `http://127.0.0.1:${port}`, hpos: false, defines: { SAVEQUERIES: true } });
await site.linkPlugin('/work/main/dist/cartbay', 'cartbay');
await site.activatePlugin('cartbay/cartbay.php');
await site.runPhpOrThrow(`file_put_contents( WPMU_PLUGIN_DIR . '/prof.php', '<?php add_filter( "cartbay_rate_limit", fn () => 100000 ); $GLOBALS["cbm"] = array(); foreach ( array( "plugins_loaded", "init", "wp_loaded", "rest_api_init", "rest_pre_dispatch", "rest_request_before_callbacks", "rest_request_after_callbacks", "rest_post_dispatch" ) as $h ) { add_filter( $h, function ( $x = null ) use ( $h ) { $GLOBALS["cbm"][] = $h . "=" . round( ( microtime( true ) - $_SERVER["REQUEST_TIME_FLOAT"] ) * 1000 ); return $x; }, 1 ); } add_action( "shutdown", function () { global $wpdb; $u = $_SERVER["REQUEST_URI"] ?? ""; if ( false === strpos( $u, "wp-json" ) ) return; $q = $wpdb->queries; $t = 0; $w = array(); foreach ( $q as $x ) { $t += $x[1]; $w[] = round( $x[1] * 1000, 1 ) . " " . substr( preg_replace( "/\\\\s+/", " ", $x[0] ), 0, 110 ); } file_put_contents( ABSPATH . "../prof.log", json_encode( array( "uri" => $u, "ms" => round( ( microtime( true ) - $_SERVER["REQUEST_TIME_FLOAT"] ) * 1000 ), "queries" => count( $q ), "qms" => round( $t * 1000 ), "marks" => implode( " ", $GLOBALS["cbm"] ), "list" => $w ) ) . "\\n", FILE_APPEND ); }, 9999 );' );`);
const info = await site.info();
const server = await startServer(site, port);
const U = server.url.replace(/\/$/, '');
let cookie = '';
const jar = (r: Response) => { for (const c of r.headers.getSetCookie()) { const kv = c.split(';')[0]!; const k = kv.split('=')[0]; cookie = cookie.split('; ').filter(x => x && !x.startsWith(k + '=')).concat(kv).join('; '); } };
let r = await fetch(`${U}/?add-to-cart=${info.woocommerce!.products['CB-HOODIE']}`, { redirect: 'manual', headers: { cookie } }); jar(r); await r.text();
const cap = async (body: unknown) => { const res = await fetch(`${U}/wp-json/cartbay/v1/capture`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }); jar(res); return await res.json(); };
for (let i = 0; i < 3; i++) { const c = await fetch(`${U}/wp-json/wc/store/v1/cart`, { headers: { cookie } }); await c.text(); }
const a = await cap({ email: 'a@example.test', consent: true, source: 'classic' }) as any;
for (let i = 0; i < 3; i++) await cap({ email: `b${i}@example.test`, consent: true, source: 'classic', session_id: a.session_id });
const lines = readFileSync(join(dir, 'prof.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const l of lines) { console.log(l.uri, l.ms, 'ms', l.queries, 'queries', l.qms, 'ms in db'); }
const strip = (q: string) => q.replace(/^[\d.]+ /, '').replace(/\d+/g, 'N').slice(0, 90);
const cartQ = new Set(lines[2].list.map(strip)); const capQ = lines[lines.length - 1].list.map(strip);
console.log('--- in capture, not in cart:'); for (const q of capQ) if (!cartQ.has(q)) console.log(q);


await server.stop();
rmSync(dir, { recursive: true, force: true });
})();
