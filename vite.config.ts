import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The designer's ProcessModeler imports the editable modeler (bpmn-js) statically, so that
 * SvelteKit preloads its chunks with the editor page's own scripts; but bpmn-js cannot even be
 * imported in Node. The server build (and dev SSR) gets this stub in its place: it is never
 * called there, as the modeler is only built in the browser.
 */
function editableDiagramOnServer(): Plugin {
	const module = fileURLToPath(new URL('src/lib/modeler/create-editable-diagram.ts', import.meta.url));
	const stub = '\0potok:create-editable-diagram-on-server';
	return {
		name: 'potok:create-editable-diagram-on-server',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!options?.ssr || !source.endsWith('create-editable-diagram')) return;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			if (resolved?.id === module) return stub;
		},
		load(id) {
			if (id === stub) return "export function createEditableDiagram() { throw new Error('Expected a browser, but the editable modeler was built on the server'); }";
		}
	};
}

export default defineConfig({
	plugins: [editableDiagramOnServer(), sveltekit()],
	server: { port: 5173 },
	// Pre-bundle the diagram libraries up front: discovered late (dynamic imports in the modeler),
	// Vite re-optimises mid-run and reloads the page, failing the first browser tests of a cold run.
	optimizeDeps: {
		include: [
			'bpmn-js/lib/Modeler',
			'bpmn-js/lib/NavigatedViewer',
			'bpmn-js/lib/features/search',
			'bpmn-js-properties-panel',
			'bpmn-js-token-simulation',
			'bpmn-js-token-simulation/lib/viewer',
			'bpmn-js-bpmnlint',
			'bpmn-js-differ',
			'bpmn-moddle',
			'bpmnlint/lib/linter',
			'bpmnlint/rules/*',
			'diagram-js-minimap',
			'@bpmn-io/properties-panel',
			'@bpmn-io/properties-panel/preact',
			'feelin'
		]
	},
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
