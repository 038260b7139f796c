import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** One vitest run over every TypeScript test layer: schema, codegen, packaging (tools/build), contract, admin UI, checkout. */
export default defineConfig( {
	root: fileURLToPath( new URL( '..', import.meta.url ) ),
	test: {
		include: [
			'{plugin,codegen,tools,admin-ui,checkout,tests}/**/test/**/*.test.{ts,tsx}',
		],
		exclude: [ 'node_modules/**', 'dist/**' ],
		testTimeout: 60_000,
	},
} );
