import type Modeler from 'bpmn-js/lib/Modeler';
import type { ModelerLocale } from './translate';

export interface DiagramOptions {
	/** Where the canvas goes. */
	container: HTMLElement;
	/** Where the properties panel goes (unused when read-only). */
	panel: HTMLElement;
	locale: ModelerLocale;
	/** A NavigatedViewer: nothing can change the diagram, not even through the API. */
	readonly: boolean;
}

// every chunk is requested at once: one round trip, not one per await
const sharedModules = () => Promise.all([import('$lib/bpmn/potok.json'), import('./translate'), import('diagram-js-minimap'), import('./fidelity')]);
const viewerModules = () => Promise.all([sharedModules(), import('bpmn-js/lib/NavigatedViewer'), import('./viewer-search'), import('bpmn-js-token-simulation/lib/viewer')]);
const modelerModules = () =>
	Promise.all([
		sharedModules(),
		import('bpmn-js/lib/Modeler'),
		import('./deferred-panel'),
		import('./potok-properties/editing-module'),
		import('./lint'),
		import('bpmn-js-token-simulation')
	]);

let preloaded: ReturnType<typeof modelerModules> | undefined;

/**
 * Starts loading the editable modeler's modules now — while the page that shows it is still
 * starting — so that their download overlaps the page's own work; `createDiagram` takes them from
 * here. Browser only.
 */
export function preloadModeler(): void {
	if (preloaded) return;
	preloaded = modelerModules();
	// a failed preload is not kept: createDiagram reports the failure, the next one loads again
	preloaded.catch(() => (preloaded = undefined));
}

/**
 * Builds the bpmn-js instance the designer uses, loading bpmn-js on demand (it cannot load in
 * Node, and its chunk belongs only to pages that draw).
 *
 * Both save a file as it was imported, without the changes bpmn-js makes only for its own canvas
 * (`./fidelity`).
 *
 * Editable: the Modeler with minimap, live lint, token simulation and the Potok editing service;
 * the properties panel with the Potok group is added once the diagram is drawn (`./deferred-panel`:
 * call `deferredPropertiesPanel.load()` after the import).
 *
 * Read-only: a NavigatedViewer with minimap, search and token simulation — it has no command
 * stack, palette, context pad, label editing or dragging of elements at all, which is sturdier
 * than switching those off one by one in a Modeler.
 */
export async function createDiagram(options: DiagramOptions): Promise<Modeler> {
	const { container, panel, locale, readonly } = options;
	if (readonly) {
		const [[{ default: potok }, { createTranslateModule }, { default: minimap }, { default: fidelity }], { default: Viewer }, { default: search }, { default: simulation }] = await viewerModules();
		return new Viewer({ container, moddleExtensions: { potok }, additionalModules: [createTranslateModule(locale), minimap, search, simulation, fidelity] });
	}
	const [[{ default: potok }, { createTranslateModule }, { default: minimap }, { default: fidelity }], { default: ModelerClass }, { default: deferredPanel }, { default: potokEditing }, lint, { default: simulation }] = await (preloaded ??
		modelerModules());
	return new ModelerClass({
		container,
		moddleExtensions: { potok },
		propertiesPanel: { parent: panel },
		additionalModules: [deferredPanel, potokEditing, createTranslateModule(locale), minimap, lint.default, simulation, fidelity],
		linting: lint.lintingOptions
	});
}
