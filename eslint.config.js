import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The pure core (STYLE.md rule 1): the engine and the BPMN model run in the browser,
 * the server and the CLI alike, so they may not import the framework, the ORM,
 * the database driver or Node built-ins.
 */
const pureCoreBoundary = {
	files: ['src/lib/engine/**/*.ts', 'src/lib/bpmn/**/*.ts'],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{ group: ['$app/*', '$env/*', '$lib/server/*', '$lib/components/*'], message: 'The pure core may not import SvelteKit or server code.' },
					{ group: ['svelte', 'svelte/*', '@sveltejs/*'], message: 'The pure core may not import Svelte.' },
					{ group: ['drizzle-orm', 'drizzle-orm/*', '@libsql/*'], message: 'The pure core may not import the ORM or the database driver.' },
					{ group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util'], message: 'The pure core may not import Node built-ins.' },
					{ group: ['**/server/**'], message: 'The pure core may not import server code.' }
				]
			}
		]
	}
};

export default ts.config(
	{ ignores: ['.scratch*', 'test/.tmp/', 'build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'src/lib/server/db/migrations/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	pureCoreBoundary
);
