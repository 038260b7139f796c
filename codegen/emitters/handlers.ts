/**
 * How generated glue calls a hand-written handler: lazily, through the plugin's service registry.
 */
import { plugin } from '../../plugin/schema';
import type { PhpHandler } from '../../plugin/schema/types';
import { shortClass } from '../php';

export const PLUGIN_CLASS = `${ plugin.phpNamespace }\\Core\\Plugin`;

export function handlerFqcn( handler: PhpHandler ): string {
	return `${ plugin.phpNamespace }\\${ handler.class }`;
}

/**
 * `$plugin->service( SettingsController::class )->get_settings( $a, $b )`
 * @param handler Hand-written handler.
 * @param args    PHP argument expressions.
 */
export function handlerCall(
	handler: PhpHandler,
	args: readonly string[]
): string {
	const params = args.length > 0 ? ` ${ args.join( ', ' ) } ` : '';
	return `$plugin->service( ${ shortClass( handler.class ) }::class )->${ handler.method }(${ params })`;
}
