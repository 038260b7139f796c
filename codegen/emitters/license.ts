/**
 * License contract (plugin/schema/license.ts) → `LicenseSchema`: key format, statuses with translated labels,
 * cache lifetimes, request bounds, Dev Mode hosts and license-server routes.
 */
import {
	licenseDevDomains,
	licenseSchemaClass,
	licenseStatuses,
	plugin,
} from '../../plugin/schema';
import type { GeneratedFile } from '../file';
import { docblock, php, str } from '../php';
import { emitValueClass } from './value-class';

/** The Dev Mode host lists as array constants. */
function devDomainConstants(): string[] {
	const lists: [ string, readonly string[], string ][] = [
		[
			'DEV_HOSTS',
			licenseDevDomains.hosts,
			'Development hosts, whole (lower case, no trailing dot, no IPv6 brackets).',
		],
		[
			'DEV_HOST_SUFFIXES',
			licenseDevDomains.suffixes,
			'Endings of development hosts.',
		],
		[
			'DEV_HOST_PREFIXES',
			licenseDevDomains.prefixes,
			'Beginnings of staging hosts.',
		],
		[
			'DEV_HOST_INFIXES',
			licenseDevDomains.infixes,
			'Labels inside staging hosts.',
		],
	];
	return lists.map(
		( [ name, values, description ] ) =>
			`${ docblock( 1, [ description ] ) }\n\tpublic const ${ name } = ${ php( values, 1 ) };`
	);
}

/** `status_labels()`: every status with its translated label, in schema order. */
function statusLabels(): string {
	const width = Math.max(
		...licenseStatuses.map(
			( s ) => `STATUS_${ s.key.toUpperCase() }`.length
		)
	);
	const rows = licenseStatuses
		.map(
			( s ) =>
				`\t\t\tself::${ `STATUS_${ s.key.toUpperCase() }`.padEnd( width ) } => _x( ${ str( s.label ) }, 'License status', ${ str( plugin.textDomain ) } ),`
		)
		.join( '\n' );
	return `${ docblock(
		1,
		[
			'Every license status with its translated label, in the order the docs list them.',
		],
		[ '@return array<string, string>' ]
	) }
	public static function status_labels(): array {
		return array(
${ rows }
		);
	}`;
}

export function emitLicenseSchema(): GeneratedFile {
	return emitValueClass( licenseSchemaClass, 'codegen/emitters/license.ts', [
		...devDomainConstants(),
		statusLabels(),
	] );
}
