#!/usr/bin/env node
// Starts Potok: builds the app when the build is missing or older than the
// sources, then serves it with adapter-node on PORT (default 3000), with the
// database at DATABASE_URL (default file:data/potok.db, created and migrated).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

/** @param {string} path @returns {number} */
function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const built = 'build/index.js';
const sources = ['src', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'].filter((p) => existsSync(p));
const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
if (stale && process.env.POTOK_SKIP_BUILD !== '1') {
	console.log('Potok: building the app…');
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node refuses form posts unless it knows the address the browser uses.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
process.env.BODY_SIZE_LIMIT ??= '12M';

await import(new URL('../build/index.js', import.meta.url).href);
console.log(`Potok is running at ${process.env.ORIGIN}`);
