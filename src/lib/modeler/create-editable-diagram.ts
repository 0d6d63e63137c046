import Modeler from 'bpmn-js/lib/Modeler';
import minimap from 'diagram-js-minimap';
import potok from '$lib/bpmn/potok.json';
import deferredPanel from './deferred-panel';
import deferredSimulation from './deferred-simulation';
import fidelity from './fidelity';
import lint, { lintingOptions } from './lint';
import potokEditing from './potok-properties/editing-module';
import { createTranslateModule, type ModelerLocale } from './translate';

/**
 * The editable modeler with everything it needs to draw, imported statically, so that bpmn-js and
 * Potok's modules arrive as a few chunks rather than one per module (each a request the browser
 * queues behind the others). What is not needed to draw (the properties panel, the lint rules,
 * token simulation) is loaded later by its own module. Browser only: the server build gets a
 * stub (`vite.config.ts`).
 *
 * The Modeler with minimap, live lint and the Potok editing service; the properties panel with
 * the Potok group and token simulation are added once the diagram is drawn (`./deferred-panel`,
 * `./deferred-simulation`: call `deferredPropertiesPanel.load()` and
 * `deferredTokenSimulation.load()` after the import).
 */
export function createEditableDiagram(container: HTMLElement, panel: HTMLElement, locale: ModelerLocale): Modeler {
	return new Modeler({
		container,
		moddleExtensions: { potok },
		propertiesPanel: { parent: panel },
		additionalModules: [deferredPanel, deferredSimulation, potokEditing, createTranslateModule(locale), minimap, lint, fidelity],
		linting: lintingOptions
	});
}
