/**
 * Step (a): bundle the scripts with `wp-scripts build` and tools/build/webpack.config.cjs.
 */
/** External dependencies */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Internal dependencies */
import { ROOT, WEBPACK_CONFIG } from './paths';

const require = createRequire(import.meta.url);

/** Runs wp-scripts in the repository root; throws when webpack reports errors. */
export function runWebpack(): void {
	const wpScripts = require.resolve('@wordpress/scripts/bin/wp-scripts.js');
	const result = spawnSync(process.execPath, [wpScripts, 'build', '--config', WEBPACK_CONFIG], {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
	});
	if (result.error) {
		throw result.error;
	}
	if (result.status !== 0) {
		throw new Error(`wp-scripts build failed (exit code ${result.status ?? 'none'}).`);
	}
}
