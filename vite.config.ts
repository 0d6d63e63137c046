import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		testTimeout: 20_000,
		hookTimeout: 60_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					include: ['test/unit/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/integration/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				// The engine conformance suite once more, on the libsql store (a temp file per scenario).
				extends: true,
				test: {
					name: 'engine-libsql',
					include: ['test/engine/**/*.test.ts'],
					environment: 'node',
					env: { POTOK_ENGINE_STORE: 'libsql' }
				}
			},
			{
				// Modeler modules and components need a real browser (bpmn-js does not run in Node).
				extends: true,
				test: {
					name: 'browser',
					include: ['test/browser/**/*.test.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: {
								executablePath: chromium,
								args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']
							}
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
