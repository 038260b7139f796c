<?php
/**
 * WordPress.WP.I18n, for the gettext functions (__(), _e(), _x(), _n(), esc_html__(), …):
 * - the text, context and plural arguments are single string literals (tools extract them from the source);
 * - the text domain is a single string literal equal to the plugin's (`--runtime-set text_domain <domain>`;
 *   tests/lint/phpcs.ts passes plugin/schema/plugin.ts's), and is not missing;
 * - a text with more than one placeholder numbers them (`%1$s`), and a text with placeholders has a
 *   `translators:` comment just before the call.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\WP;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Config;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Translatable strings.
 */
final class I18nSniff implements Sniff {

	/**
	 * Argument roles of each gettext function, in order.
	 *
	 * @var array<string, array<int, string>>
	 */
	private const FUNCTIONS = array(
		'__'         => array( 'text', 'domain' ),
		'_e'         => array( 'text', 'domain' ),
		'_x'         => array( 'text', 'context', 'domain' ),
		'_ex'        => array( 'text', 'context', 'domain' ),
		'_n'         => array( 'single', 'plural', 'number', 'domain' ),
		'_nx'        => array( 'single', 'plural', 'number', 'context', 'domain' ),
		'_n_noop'    => array( 'single', 'plural', 'domain' ),
		'_nx_noop'   => array( 'single', 'plural', 'context', 'domain' ),
		'esc_attr__' => array( 'text', 'domain' ),
		'esc_attr_e' => array( 'text', 'domain' ),
		'esc_attr_x' => array( 'text', 'context', 'domain' ),
		'esc_html__' => array( 'text', 'domain' ),
		'esc_html_e' => array( 'text', 'domain' ),
		'esc_html_x' => array( 'text', 'context', 'domain' ),
	);

	/**
	 * The text domain every string must use (empty: not checked).
	 *
	 * @var string
	 */
	public $text_domain = '';

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_STRING );
	}

	/**
	 * Checks one gettext call.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_STRING token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		$name   = strtolower( $tokens[ $stack_ptr ]['content'] );
		if ( ! isset( self::FUNCTIONS[ $name ] ) || ! Expressions::is_function_call( $phpcs_file, $stack_ptr ) ) {
			return;
		}
		$domain = (string) ( Config::getConfigData( 'text_domain' ) ?? $this->text_domain );
		$open   = $phpcs_file->findNext( Tokens::$emptyTokens, $stack_ptr + 1, null, true );
		$args   = Expressions::arguments( $phpcs_file, $open );
		foreach ( self::FUNCTIONS[ $name ] as $index => $role ) {
			if ( 'number' === $role ) {
				continue;
			}
			if ( ! isset( $args[ $index ] ) ) {
				if ( 'domain' === $role ) {
					$phpcs_file->addError( '%s() is called without a text domain.', $stack_ptr, 'MissingArgDomain', array( $name ) );
				}
				continue;
			}
			list( $first, $last ) = $args[ $index ];
			if ( ! Expressions::is_string_literal( $phpcs_file, $first, $last ) ) {
				$phpcs_file->addError(
					'The %s argument of %s() must be one string literal, not %s: translation tools read it from the source.',
					$first,
					'NonSingularStringLiteral' . ucfirst( $role ),
					array( $role, $name, trim( $phpcs_file->getTokensAsString( $first, $last - $first + 1 ) ) )
				);
				continue;
			}
			$value = substr( $phpcs_file->getTokensAsString( $first, $last - $first + 1 ), 1, -1 );
			if ( 'domain' === $role ) {
				if ( '' !== $domain && $value !== $domain ) {
					$phpcs_file->addError( 'Text domain %s does not match the plugin\'s "%s".', $first, 'TextDomainMismatch', array( $tokens[ $first ]['content'], $domain ) );
				}
				continue;
			}
			if ( 'context' !== $role ) {
				$this->check_placeholders( $phpcs_file, $stack_ptr, $first, $value );
			}
		}
	}

	/**
	 * Numbered placeholders and the translators comment.
	 *
	 * @param File   $phpcs_file File.
	 * @param int    $stack_ptr  Function name token.
	 * @param int    $literal    The text's token.
	 * @param string $value      The text.
	 * @return void
	 */
	private function check_placeholders( File $phpcs_file, int $stack_ptr, int $literal, string $value ): void {
		$count = preg_match_all( '/%(?:%|(?:\d+\$)?[-+ 0\'#]*\d*(?:\.\d+)?[bcdeEfFgGosuxX])/', $value, $matches );
		$found = array_values( array_filter( $matches[0], static fn ( $placeholder ) => '%%' !== $placeholder ) );
		if ( array() === $found ) {
			return;
		}
		$unordered = array_filter( $found, static fn ( $placeholder ) => 1 !== preg_match( '/^%\d+\$/', $placeholder ) );
		if ( $count > 1 && count( $found ) > 1 && array() !== $unordered ) {
			$phpcs_file->addError( 'Number the placeholders of a text that has more than one (%%1$s, %%2$s, …), so translators can reorder them: %s.', $literal, 'UnorderedPlaceholders', array( implode( ', ', $found ) ) );
		}
		if ( ! $this->has_translators_comment( $phpcs_file, $stack_ptr ) ) {
			$phpcs_file->addWarning( 'A text with placeholders needs a /* translators: … */ comment just before the call that says what each one is.', $stack_ptr, 'MissingTranslatorsComment' );
		}
	}

	/**
	 * Whether a `translators:` comment precedes the call (on the lines before it, within its statement).
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Function name token.
	 * @return bool
	 */
	private function has_translators_comment( File $phpcs_file, int $stack_ptr ): bool {
		$tokens = $phpcs_file->getTokens();
		$stop   = array( T_SEMICOLON, T_OPEN_CURLY_BRACKET, T_CLOSE_CURLY_BRACKET, T_OPEN_TAG );
		for ( $i = $stack_ptr - 1; $i >= 0; $i-- ) {
			$code = $tokens[ $i ]['code'];
			if ( isset( Tokens::$commentTokens[ $code ] ) ) {
				if ( 1 === preg_match( '#^(?:/\*+|//)\s*translators:#i', ltrim( $tokens[ $i ]['content'] ) ) ) {
					return true;
				}
				continue;
			}
			if ( in_array( $code, $stop, true ) ) {
				return false;
			}
		}
		return false;
	}
}
