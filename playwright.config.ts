import { defineConfig } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4173);
const dbFile = `test/.tmp/e2e-${Date.now()}.db`;
mkdirSync('test/.tmp', { recursive: true });

/** End-to-end tests against the built app on a fresh database, in Debian's Chromium (never a downloaded browser). */
export default defineConfig({
	testDir: 'test/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30_000,
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
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
	webServer: {
		command: 'node scripts/start.js',
		url: `http://localhost:${port}/login`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			POTOK_SKIP_BUILD: process.env.POTOK_SKIP_BUILD ?? '1',
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: `file:${dbFile}`,
			POTOK_DEMO: 'off'
		}
	}
});
