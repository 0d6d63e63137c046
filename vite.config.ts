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

/** Modules (by path) that the client build gathers into one chunk each; see clientChunks(). */
const chunkGroups = {
	// the runtime every page starts with: Svelte, SvelteKit's client, i18n and its dictionaries
	framework: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|clsx|esm-env|i18next)[\\/]|src[\\/]lib[\\/](i18n|client)[\\/]|vite[\\/]preload-helper/,
	// what the editor page needs to build the modeler and import a diagram: bpmn-js, diagram-js and
	// the libraries under them, plus the small Potok modules the editor shares with other pages.
	// The read-only viewer's pages load this chunk too, lazily. Stylesheets stay out: a page that
	// only imports bpmn-js's CSS must not load the modeler.
	modeler:
		/node_modules[\\/](bpmn-js|diagram-js|diagram-js-[a-z-]+|bpmn-moddle|moddle|moddle-xml|saxen|min-dash|min-dom|tiny-svg|didi|ids|domify|path-intersection|object-refs|bpmnlint|bpmnlint-utils|bpmn-js-bpmnlint|inherits-browser|hammerjs|preact|htm)[\\/]|src[\\/]lib[\\/](bpmn[\\/]potok\.json|lint[\\/]messages|modeler[\\/](fidelity|translate|potok-properties[\\/](editing-module|PotokEditing))[\\/.])/
};

/**
 * Fewer, larger scripts for the browser. Left to itself the bundler splits the editor page's start
 * into 22 scripts (shared pieces of a few hundred bytes among them), and on a busy machine each
 * request costs the page ~10 ms however small it is (measured: 20 extra 20-byte modules delay a
 * bare bpmn-js page's import by ~200 ms). With the two groups above the editor starts with 9, and
 * its diagram is imported and drawn ~70 ms sooner; pages without the modeler load it no sooner
 * than before (compare and review need bpmn-moddle at once, so they now preload the whole chunk).
 * Only the client build: this runs after SvelteKit's config hook has marked the server build.
 */
function clientChunks(): Plugin {
	return {
		name: 'potok:client-chunks',
		enforce: 'post',
		config(config) {
			if (config.build?.ssr) return;
			const groups = Object.entries(chunkGroups).map(([name, path], index) => ({
				name,
				priority: 100 - index,
				test: (id: string) => path.test(id) && !/\.css($|\?)/.test(id)
			}));
			return { build: { rolldownOptions: { output: { codeSplitting: { groups } } } } };
		}
	};
}

export default defineConfig({
	plugins: [editableDiagramOnServer(), sveltekit(), clientChunks()],
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
