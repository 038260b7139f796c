/**
 * Formatting: the WordPress prettier config (wp-prettier, spaces inside parentheses), as
 * `wp-scripts lint-js` applies it through prettier/prettier and `wp-scripts format` writes it.
 */
module.exports = require( '@wordpress/prettier-config' );
