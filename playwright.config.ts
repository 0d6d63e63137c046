import { defineConfig } from '@playwright/test';
import { mkdirSync, readdirSync } from 'node:fs';

const basePort = Number(process.env.E2E_PORT ?? 4173);
const stamp = Date.now();
mkdirSync('test/.tmp', { recursive: true });

/**
 * Each spec file tells one story from a fresh install (its first person signs up and owns the
 * company), so each gets its own server on its own empty database: the stories cannot see each
 * other's data, and their order does not matter. Specs listed in DEMO_SPECS start instead from
 * the demo company `npm start` seeds (its people log in with E2E_DEMO_PASSWORD).
 */
const DEMO_SPECS = new Set(['demo-crm', 'reports']);
const E2E_DEMO_PASSWORD = 'demo-e2e-password';
const specs = readdirSync('test/e2e')
	.filter((f) => f.endsWith('.spec.ts'))
	.sort();
const servers = specs.map((spec, i) => ({ spec, name: spec.replace(/\.spec\.ts$/, ''), port: basePort + i }));

/** End-to-end tests against the built app, in Debian's Chromium (never a downloaded browser). */
export default defineConfig({
	testDir: 'test/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		locale: 'ru-RU',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-dev-shm-usage'
			]
		}
	},
	projects: servers.map((s) => ({ name: s.name, testMatch: s.spec, use: { baseURL: `http://localhost:${s.port}` } })),
	webServer: servers.map((s) => ({
		command: 'node scripts/start.js',
		url: `http://localhost:${s.port}/login`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			POTOK_SKIP_BUILD: process.env.POTOK_SKIP_BUILD ?? '1',
			PORT: String(s.port),
			ORIGIN: `http://localhost:${s.port}`,
			DATABASE_URL: `file:test/.tmp/e2e-${s.name}-${stamp}.db`,
			POTOK_DEMO: DEMO_SPECS.has(s.name) ? 'on' : 'off',
			POTOK_DEMO_PASSWORD: E2E_DEMO_PASSWORD
		}
	}))
});
