import Viewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import simulation from 'bpmn-js-token-simulation/lib/viewer';
import minimap from 'diagram-js-minimap';
import potok from '$lib/bpmn/potok.json';
import fidelity from './fidelity';
import { createTranslateModule, type ModelerLocale } from './translate';
import search from './viewer-search';

/**
 * The read-only diagram, its modules imported statically so that it loads with one dynamic import
 * (see `./create-editable-diagram`): a NavigatedViewer with minimap, search and token simulation — it
 * has no command stack, palette, context pad, label editing or dragging of elements at all, which
 * is sturdier than switching those off one by one in a Modeler.
 */
export function createReadonlyDiagram(container: HTMLElement, locale: ModelerLocale): Viewer {
	return new Viewer({ container, moddleExtensions: { potok }, additionalModules: [createTranslateModule(locale), minimap, search, simulation, fidelity] });
}
