<?php
/**
 * WordPress.Security.NonceVerification: form data read without a nonce check (wp_verify_nonce(),
 * check_admin_referer(), check_ajax_referer()) earlier in the same function. `$_POST` and `$_FILES`:
 * error (Missing); `$_GET` and `$_REQUEST`: warning (Recommended).
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\Security;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;

/**
 * Nonce before form data.
 */
final class NonceVerificationSniff implements Sniff {

	/**
	 * Superglobals, and whether a missing nonce check is an error.
	 *
	 * @var array<string, bool>
	 */
	private const SUPERGLOBALS = array(
		'$_POST'    => true,
		'$_FILES'   => true,
		'$_GET'     => false,
		'$_REQUEST' => false,
	);

	/**
	 * Functions that verify a nonce.
	 *
	 * @var array<string, true>
	 */
	private const VERIFYING = array(
		'check_admin_referer' => true,
		'check_ajax_referer'  => true,
		'wp_verify_nonce'     => true,
	);

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_VARIABLE );
	}

	/**
	 * Checks one use of form data.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_VARIABLE token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		$name   = $tokens[ $stack_ptr ]['content'];
		if ( ! isset( self::SUPERGLOBALS[ $name ] ) ) {
			return;
		}
		$scope = 0;
		foreach ( $tokens[ $stack_ptr ]['conditions'] as $ptr => $code ) {
			if ( T_FUNCTION === $code || T_CLOSURE === $code ) {
				$scope = $ptr;
			}
		}
		for ( $i = $stack_ptr - 1; $i > $scope; $i-- ) {
			if ( T_STRING === $tokens[ $i ]['code'] && isset( self::VERIFYING[ strtolower( $tokens[ $i ]['content'] ) ] ) ) {
				return;
			}
		}
		$message = 'Form data is read with no nonce check (wp_verify_nonce(), check_admin_referer(), check_ajax_referer()) before it in this function.';
		if ( self::SUPERGLOBALS[ $name ] ) {
			$phpcs_file->addError( $message, $stack_ptr, 'Missing' );
		} else {
			$phpcs_file->addWarning( $message, $stack_ptr, 'Recommended' );
		}
	}
}
