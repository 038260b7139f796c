/**
 * Where the build reads from and writes to. Every path is absolute, resolved from the repository root.
 */
/** External dependencies */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Internal dependencies */
import { plugin } from '../../plugin/schema';

/** The repository root (two levels above tools/build/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const PLUGIN_SOURCE = join(ROOT, 'plugin');
export const DIST = join(ROOT, 'dist');
/** The installable plugin folder; its name (the plugin slug) is also the one folder inside the zip. */
export const DIST_PLUGIN = join(DIST, plugin.slug);
export const DIST_BUILD = join(DIST_PLUGIN, 'build');
export const DIST_LANGUAGES = join(DIST_PLUGIN, 'languages');
export const DIST_ZIP = join(DIST, `${plugin.slug}.zip`);

/** The main plugin file, emitted by codegen from cartbay.php.tpl. */
export const MAIN_FILE = `${plugin.slug}.php`;

/** What ships from plugin/ into the plugin folder, copied as is (paths relative to both). */
export const SHIPPED_FROM_PLUGIN = [MAIN_FILE, 'uninstall.php', 'src', 'generated', 'templates'] as const;

/** TypeScript sources bundled into build/ (scanned for translatable strings). */
export const SCRIPT_SOURCES = ['admin-ui/src', 'checkout/src'] as const;

/** Schema modules whose labels and descriptions the admin UI renders (and translates at run time). */
export const ADMIN_SCHEMA_FILES = [
	'plugin/schema/settings.ts',
	'plugin/schema/campaign.ts',
	'plugin/schema/analytics.ts',
	'plugin/schema/statuses.ts',
	'plugin/schema/placeholders.ts',
	'plugin/schema/license.ts',
] as const;

export const WEBPACK_CONFIG = join(ROOT, 'tools', 'build', 'webpack.config.cjs');
