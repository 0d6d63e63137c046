import type Modeler from 'bpmn-js/lib/Modeler';
import { createEditableDiagram } from './create-editable-diagram';
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

/**
 * Builds the bpmn-js instance the designer uses. Browser only: bpmn-js cannot load in Node, so
 * the server build gets a stub of `./create-editable-diagram` (see `vite.config.ts`).
 *
 * Both save a file as it was imported, without the changes bpmn-js makes only for its own canvas
 * (`./fidelity`).
 *
 * Editable: the Modeler (`./create-editable-diagram`), imported statically — the editor is
 * usually editable, and a static import lets SvelteKit preload bpmn-js's chunks with the page's
 * own scripts (`<link rel="modulepreload">` in its HTML) instead of requesting them once the page
 * has started. Read-only: a NavigatedViewer (`./create-readonly-diagram`), loaded on demand; it
 * shares most of its chunks with the Modeler.
 */
export async function createDiagram(options: DiagramOptions): Promise<Modeler> {
	const { container, panel, locale, readonly } = options;
	if (readonly) {
		const { createReadonlyDiagram } = await import('./create-readonly-diagram');
		return createReadonlyDiagram(container, locale);
	}
	return createEditableDiagram(container, panel, locale);
}
