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

const editableModule = () => import('./create-editable-diagram');

let preloaded: ReturnType<typeof editableModule> | undefined;

/**
 * Starts loading the editable modeler's modules now — while the page that shows it is still
 * starting — so that their download overlaps the page's own work; `createDiagram` takes them from
 * here. Browser only.
 */
export function preloadModeler(): void {
	if (preloaded) return;
	preloaded = editableModule();
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
 * Editable: the Modeler, see `./create-editable-diagram`; read-only: a NavigatedViewer, see
 * `./create-readonly-diagram`.
 */
export async function createDiagram(options: DiagramOptions): Promise<Modeler> {
	const { container, panel, locale, readonly } = options;
	if (readonly) {
		const { createReadonlyDiagram } = await import('./create-readonly-diagram');
		return createReadonlyDiagram(container, locale);
	}
	const { createEditableDiagram } = await (preloaded ?? editableModule());
	return createEditableDiagram(container, panel, locale);
}
