<?php
/**
 * WordPress.Commenting.FunctionComment.MissingReturn: a documented function that returns a value has
 * a `@return` tag. Functions declared `: void` or `: never`, constructors and destructors need none:
 * the WordPress documentation standards say not to write `@return void`, which Squiz's FunctionComment
 * (whose MissingReturn the ruleset excludes for that reason) would demand. Everything else about
 * function docblocks stays with Squiz.Commenting.FunctionComment.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\Commenting;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * `@return` on functions that return something.
 */
final class FunctionCommentSniff implements Sniff {

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_FUNCTION );
	}

	/**
	 * Checks one function's docblock for a `@return` tag.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_FUNCTION token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens  = $phpcs_file->getTokens();
		$comment = $this->docblock( $phpcs_file, $stack_ptr );
		if ( null === $comment ) {
			// A missing docblock is Squiz.Commenting.FunctionComment.Missing.
			return;
		}
		foreach ( $tokens[ $comment ]['comment_tags'] as $tag ) {
			if ( '@return' === $tokens[ $tag ]['content'] || '@inheritDoc' === $tokens[ $tag ]['content'] ) {
				return;
			}
		}
		$name = strtolower( (string) $phpcs_file->getDeclarationName( $stack_ptr ) );
		if ( '__construct' === $name || '__destruct' === $name ) {
			return;
		}
		$properties = $phpcs_file->getMethodProperties( $stack_ptr );
		$type       = strtolower( ltrim( (string) $properties['return_type'], '?\\' ) );
		if ( 'void' === $type || 'never' === $type ) {
			return;
		}
		if ( '' === $type && ! $this->returns_value( $phpcs_file, $stack_ptr ) ) {
			return;
		}
		$phpcs_file->addError( 'Missing @return tag in function comment (the function returns %s).', $tokens[ $comment ]['comment_closer'], 'MissingReturn', array( '' === $type ? 'a value' : $properties['return_type'] ) );
	}

	/**
	 * The docblock opener just before the declaration (skipping modifiers and attributes), or null.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_FUNCTION token.
	 * @return int|null
	 */
	private function docblock( File $phpcs_file, int $stack_ptr ): ?int {
		$tokens = $phpcs_file->getTokens();
		$skip   = Tokens::$methodPrefixes + array( T_WHITESPACE => T_WHITESPACE );
		for ( $i = $stack_ptr - 1; $i >= 0; $i-- ) {
			if ( isset( $skip[ $tokens[ $i ]['code'] ] ) ) {
				continue;
			}
			if ( T_ATTRIBUTE_END === $tokens[ $i ]['code'] && isset( $tokens[ $i ]['attribute_opener'] ) ) {
				$i = $tokens[ $i ]['attribute_opener'];
				continue;
			}
			if ( T_DOC_COMMENT_CLOSE_TAG === $tokens[ $i ]['code'] ) {
				return $tokens[ $i ]['comment_opener'];
			}
			return null;
		}
		return null;
	}

	/**
	 * Whether the function body has a `return <value>;` of its own (not of a nested closure).
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_FUNCTION token.
	 * @return bool
	 */
	private function returns_value( File $phpcs_file, int $stack_ptr ): bool {
		$tokens = $phpcs_file->getTokens();
		if ( ! isset( $tokens[ $stack_ptr ]['scope_opener'], $tokens[ $stack_ptr ]['scope_closer'] ) ) {
			return false;
		}
		for ( $i = $tokens[ $stack_ptr ]['scope_opener'] + 1; $i < $tokens[ $stack_ptr ]['scope_closer']; $i++ ) {
			$code = $tokens[ $i ]['code'];
			if ( ( T_CLOSURE === $code || T_FUNCTION === $code || T_FN === $code || T_ANON_CLASS === $code ) && isset( $tokens[ $i ]['scope_closer'] ) ) {
				$i = $tokens[ $i ]['scope_closer'];
				continue;
			}
			if ( T_RETURN === $code ) {
				$next = $phpcs_file->findNext( Tokens::$emptyTokens, $i + 1, null, true );
				if ( false !== $next && T_SEMICOLON !== $tokens[ $next ]['code'] ) {
					return true;
				}
			}
		}
		return false;
	}
}
