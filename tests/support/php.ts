/**
 * Writing PHP snippets from TypeScript and reading what they print.
 */
import type { Site } from '../../tools/store';

/**
 * Parses the JSON a PHP snippet printed last.
 * @param stdout
 */
export function lastJson< T >( stdout: string ): T {
	const line = stdout.trim().split( '\n' ).pop() ?? '';
	return JSON.parse( line ) as T;
}

/**
 * A single-quoted PHP string literal (no variable interpolation).
 * @param value
 */
export function phpString( value: string ): string {
	return `'${ value.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;
}

/**
 * A PHP expression for a JSON value: arrays become associative arrays, as WordPress decodes REST bodies.
 * @param value
 */
export function phpValue( value: unknown ): string {
	return `json_decode( ${ phpString( JSON.stringify( value ) ) }, true )`;
}

/** Runs PHP in the site (WordPress loaded) and parses the JSON it printed last. */
export type PhpJson = < T >( code: string ) => Promise< T >;

export function phpJson( site: Site ): PhpJson {
	return async < T >( code: string ): Promise< T > =>
		lastJson< T >( await site.runPhpOrThrow( code ) );
}

/**
 * Calls a PHP function of the test helpers with JSON arguments and returns its JSON-encoded result.
 * @param          php
 * @param          name
 * @param {...any} args
 */
export function phpCall< T >(
	php: PhpJson,
	name: string,
	...args: unknown[]
): Promise< T > {
	return php< T >(
		`echo wp_json_encode( ${ name }( ${ args.map( phpValue ).join( ', ' ) } ) ), "\\n";`
	);
}

/**
 * PHP that makes a plain fixed-cart shop coupon (not a CartBay one) unless the code exists.
 * @param code
 * @param amount
 */
export function shopCouponPhp( code: string, amount: number ): string {
	return `
if ( ! wc_get_coupon_id_by_code( ${ phpString( code ) } ) ) {
	$coupon = new WC_Coupon();
	$coupon->set_code( ${ phpString( code ) } );
	$coupon->set_discount_type( 'fixed_cart' );
	$coupon->set_amount( ${ amount } );
	$coupon->save();
}`;
}
