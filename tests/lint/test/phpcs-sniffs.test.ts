/**
 * The sniffs of tests/lint/phpcs/WordPress, table-driven: each case is PHP and the findings it must give
 * (`line Sniff.Code`), no more and no fewer. Skipped when PHP_CodeSniffer is not installed.
 */
/** External dependencies */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve( __dirname, '../../..' );
const standard = join( root, 'tests/lint/phpcs/WordPress' );
const PHPCS = process.env.CARTBAY_PHPCS ?? 'phpcs';
const hasPhpcs = spawnSync( PHPCS, [ '--version' ] ).status === 0;

/**
 * `line Code` of every finding for a snippet (the standard's sniffs only).
 *
 * @param code PHP source, without the opening tag.
 */
function findings( code: string ): string[] {
	const run = spawnSync(
		PHPCS,
		[
			'-q',
			'--report=json',
			`--standard=${ standard }`,
			'--runtime-set',
			'text_domain',
			'cartbay',
			'--stdin-path=snippet.php',
			'-',
		],
		{ input: `<?php\n${ code }\n`, encoding: 'utf8' }
	);
	const report = JSON.parse( run.stdout ) as {
		files: Record<
			string,
			{ messages: { line: number; source: string }[] }
		>;
	};
	return (
		Object.values( report.files )
			.flatMap( ( file ) => file.messages )
			// Line 1 is `<?php`: count from the snippet's first line.
			.map(
				( m ) =>
					`${ m.line - 1 } ${ m.source.replace( /^WordPress\./, '' ) }`
			)
			.sort()
	);
}

const cases: [ string, string, string[] ][] = [
	[
		'Yoda: the fixed value goes left',
		`if ( $a === 'x' ) {}
if ( 'x' === $a ) {}
if ( count( $a ) === 0 ) {}
if ( $a === $b ) {}
$c = $a->b() !== self::FOO;`,
		[
			'1 PHP.YodaConditions.NotYoda',
			'3 PHP.YodaConditions.NotYoda',
			'5 PHP.YodaConditions.NotYoda',
		],
	],
	[
		'array index spacing: literals tight, the rest spaced',
		`$a = $b['key'] . $b[0] . $b[ $k ] . $b[ self::K ];
$a = $b[ 'key' ];
$a = $b[$k];
$b[] = 1;`,
		[
			'2 Arrays.ArrayKeySpacingRestrictions.SpacesAroundArrayKeys',
			'3 Arrays.ArrayKeySpacingRestrictions.NoSpacesAroundArrayKeys',
		],
	],
	[
		'array declarations',
		`$a = array( 1, 2 );
$a = array(1);
$a = array( );
$a = array( 'x' => 1, 'y' => 2 );
$a = array( 'status' => 409 );
$a = array(
	'a'   => 1,
	'bcd' => 2,
);
$a = array(
	'a' => 1,
	'bcd' => 2, 'e' => 3,
);`,
		[
			'11 Arrays.MultipleStatementAlignment.DoubleArrowNotAligned',
			'12 Arrays.ArrayDeclarationSpacing.ArrayItemNoNewLine',
			'2 Arrays.ArrayDeclarationSpacing.NoSpaceAfterArrayOpener',
			'2 Arrays.ArrayDeclarationSpacing.NoSpaceBeforeArrayCloser',
			'3 Arrays.ArrayDeclarationSpacing.SpaceInEmptyArray',
			'4 Arrays.ArrayDeclarationSpacing.AssociativeArrayFound',
		],
	],
	[
		'escaped output',
		`echo esc_html( $a ), (int) $b, PHP_EOL, 'text';
echo $a;
echo $c ? esc_attr( $a ) : 'none';
echo 'a' . $b;
_e( 'Hi', 'cartbay' );
printf( esc_html__( 'Hi %s', 'cartbay' ), $name ); // translators: %s: name.
wp_die( esc_html( $a ), esc_html( $b ), array( 'response' => 403 ) );`,
		[
			'2 Security.EscapeOutput.OutputNotEscaped',
			'4 Security.EscapeOutput.OutputNotEscaped',
			'5 Security.EscapeOutput.UnsafePrintingFunction',
			'6 Security.EscapeOutput.OutputNotEscaped',
			'6 WP.I18n.MissingTranslatorsComment',
		],
	],
	[
		'request input: validated, unslashed, sanitized; nonces',
		`function f() {
	$a = $_GET['a'];
	if ( isset( $_GET['b'] ) ) {
		$b = sanitize_text_field( wp_unslash( $_GET['b'] ) );
		$c = sanitize_text_field( $_GET['b'] );
		$d = (int) $_GET['b'];
	}
}
function g() {
	check_admin_referer( 'g' );
	return isset( $_POST['a'] ) ? absint( $_POST['a'] ) : 0;
}`,
		[
			'2 Security.NonceVerification.Recommended',
			'2 Security.ValidatedSanitizedInput.InputNotSanitized',
			'2 Security.ValidatedSanitizedInput.InputNotValidated',
			'3 Security.NonceVerification.Recommended',
			'4 Security.NonceVerification.Recommended',
			'5 Security.NonceVerification.Recommended',
			'5 Security.ValidatedSanitizedInput.MissingUnslash',
			'6 Security.NonceVerification.Recommended',
		],
	],
	[
		'prepared SQL and direct queries',
		`function f( $id ) {
	global $wpdb;
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_id = %d", $id ) );
	$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_id = $id" );
	return $wpdb->get_var( 'SELECT 1 FROM ' . $wpdb->options . ' WHERE option_id = ' . absint( $id ) );
}`,
		[
			'3 DB.DirectDatabaseQuery.DirectQuery',
			'4 DB.DirectDatabaseQuery.DirectQuery',
			'4 DB.PreparedSQL.InterpolatedNotPrepared',
			'5 DB.DirectDatabaseQuery.DirectQuery',
			'5 DB.DirectDatabaseQuery.NoCaching',
		],
	],
	[
		'translatable strings',
		`$a = __( 'Fine', 'cartbay' );
$b = __( $text, 'cartbay' );
$c = __( 'Other', 'other-domain' );
$d = __( 'No domain' );
/* translators: 1: name, 2: count */
$e = sprintf( __( '%1$s has %2$d', 'cartbay' ), $n, $c );
/* translators: 1: name, 2: count */
$f = sprintf( __( '%s has %d', 'cartbay' ), $n, $c );`,
		[
			'2 WP.I18n.NonSingularStringLiteralText',
			'3 WP.I18n.TextDomainMismatch',
			'4 WP.I18n.MissingArgDomain',
			'8 WP.I18n.UnorderedPlaceholders',
		],
	],
	[
		'functions: restricted, discouraged, alternatives, strict searches and comparisons',
		`$a = date( 'Y' );
$b = json_encode( $a );
$c = base64_encode( $a ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- test.
$d = in_array( $a, $b );
$e = in_array( $a, $b, true );
$f = $a == $b;
$g = $obj->date( 'Y' );
error_log( 'x' );`,
		[
			'1 DateTime.RestrictedFunctions.date_date',
			'2 WP.AlternativeFunctions.json_encode_json_encode',
			'4 PHP.StrictInArray.MissingTrueStrict',
			'6 PHP.StrictComparisons.LooseComparison',
			'8 PHP.DevelopmentFunctions.error_log_error_log',
		],
	],
	[
		'names and hooks',
		`/**
 * Doc.
 *
 * @return int
 */
function good_name() {
	$snake_case = 1;
	return $snake_case;
}
function badName() {
	$camelCase = 1;
	do_action( 'cartbay-bad-hook' );
	do_action( "cartbay_{$camelCase}_ok" );
}`,
		[
			'10 NamingConventions.ValidFunctionName.FunctionNameInvalid',
			'11 NamingConventions.ValidVariableName.VariableNotSnakeCase',
			'12 NamingConventions.ValidHookName.UseUnderscores',
			'13 NamingConventions.ValidVariableName.InterpolatedVariableNotSnakeCase',
		],
	],
	[
		'@return where a value is returned, never @return void',
		`/**
 * Returns.
 */
function a(): int {
	return 1;
}
/**
 * Nothing.
 */
function b(): void {}
/**
 * Untyped, returns.
 */
function c() {
	return 1;
}
/**
 * Untyped, returns nothing.
 */
function d() {
	$f = function () {
		return 1;
	};
}`,
		[
			'3 Commenting.FunctionComment.MissingReturn',
			'13 Commenting.FunctionComment.MissingReturn',
		],
	],
];

describe.skipIf( ! hasPhpcs )( 'tests/lint/phpcs/WordPress sniffs', () => {
	it.each( cases )( '%s', ( _name, code, want ) => {
		expect( findings( code ) ).toEqual( [ ...want ].sort() );
	} );
} );
