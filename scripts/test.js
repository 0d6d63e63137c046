#!/usr/bin/env node
// The whole test suite, as CI runs it: type checks, lint (with the pure-core
// import boundary), a production build, unit + engine + integration tests
// (vitest, real libsql files and a real HTTP server), end-to-end tests
// (Playwright in Debian's Chromium) and the process templates' scenarios.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	console.error(
		`Chromium was not found at ${chromium}; the end-to-end tests need it.\n` +
			'Install Debian’s package:  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n' +
			'or point CHROMIUM_PATH at a Chromium or Chrome binary. (`npx playwright install` is not used.)'
	);
	process.exit(1);
}

/** @param {string} name */
const bin = (name) => `node_modules/.bin/${name}`;
/** @type {[string, string, string[]][]} */
const steps = [
	['types (svelte-check)', bin('svelte-kit'), ['sync']],
	['types (svelte-check)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']],
	['lint (eslint)', bin('eslint'), ['.']],
	['build (vite)', bin('vite'), ['build', '--logLevel', 'warn']],
	['unit, engine and integration tests (vitest)', bin('vitest'), ['run']],
	['end-to-end tests (playwright)', bin('playwright'), ['test']],
	['process templates (potok test processes)', process.execPath, ['bin/potok.js', 'test', 'processes']]
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
	const t0 = Date.now();
	console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
	const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
	const seconds = ((Date.now() - t0) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
