/**
 * The gettext functions CartBay extracts, and where each one keeps its arguments.
 *
 * Positions are 0-based argument indexes, as WordPress declares the functions
 * (wp-includes/l10n.php and @wordpress/i18n).
 */
export interface KeywordSpec {
	readonly msgid: number;
	readonly plural?: number;
	readonly context?: number;
	readonly domain: number;
}

/** PHP functions from wp-includes/l10n.php. */
export const phpKeywords: Readonly<Record<string, KeywordSpec>> = {
	__: { msgid: 0, domain: 1 },
	_e: { msgid: 0, domain: 1 },
	esc_html__: { msgid: 0, domain: 1 },
	esc_html_e: { msgid: 0, domain: 1 },
	esc_attr__: { msgid: 0, domain: 1 },
	esc_attr_e: { msgid: 0, domain: 1 },
	_x: { msgid: 0, context: 1, domain: 2 },
	_ex: { msgid: 0, context: 1, domain: 2 },
	esc_html_x: { msgid: 0, context: 1, domain: 2 },
	esc_attr_x: { msgid: 0, context: 1, domain: 2 },
	_n: { msgid: 0, plural: 1, domain: 3 },
	_nx: { msgid: 0, plural: 1, context: 3, domain: 4 },
	_n_noop: { msgid: 0, plural: 1, domain: 2 },
	_nx_noop: { msgid: 0, plural: 1, context: 2, domain: 3 },
};

/** Functions exported by @wordpress/i18n. */
export const jsKeywords: Readonly<Record<string, KeywordSpec>> = {
	__: { msgid: 0, domain: 1 },
	_x: { msgid: 0, context: 1, domain: 2 },
	_n: { msgid: 0, plural: 1, domain: 3 },
	_nx: { msgid: 0, plural: 1, context: 3, domain: 4 },
};

/** The module the JS functions must be imported from to count. */
export const JS_I18N_MODULE = '@wordpress/i18n';
