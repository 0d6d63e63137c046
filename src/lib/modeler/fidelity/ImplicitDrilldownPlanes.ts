import type { ModdleElement } from 'bpmn-moddle';
import { planeElements, type EventBus, type RenderStartEvent, type SaveStartEvent } from './moddle-tree';

/** bpmn-js's SubprocessCompatibility adds its diagrams at 1500, on the same event. */
const BEFORE_SUBPROCESS_COMPATIBILITY = 2000;
/** After BpmnDiOrdering (2000) filled the planes from the canvas and UndrawnDi (1500) added its DI. */
const AFTER_PLANES_ARE_FILLED = 1000;

/**
 * Leaves out the empty drill-down diagrams bpmn-js adds on import.
 *
 * bpmn-js draws a collapsed subprocess's inside on a plane of its own, so on import it gives every
 * collapsed subprocess without one a new `bpmndi:BPMNDiagram` (SubprocessCompatibility). A file
 * that had none would come back with one more diagram per collapsed subprocess.
 *
 * Contract: a diagram bpmn-js added during the import is left out of the XML while its plane is
 * empty. Once anything is drawn inside the subprocess, its diagram is written like any other.
 * Diagrams the file had, and those the modeler creates for new collapsed subprocesses, are always
 * written. The diagrams stay in the definitions (the canvas needs them): they are only taken out
 * while the XML is written.
 */
export default class ImplicitDrilldownPlanes {
	static $inject = ['eventBus'];

	private definitions: ModdleElement | undefined;
	/** The diagrams the file had, captured before bpmn-js adds its own. */
	private fromFile = new Set<ModdleElement>();
	/** The diagrams bpmn-js added during the import. */
	private implicit = new Set<ModdleElement>();
	/** The diagrams taken out by the `saveXML` under way, with the index each had. */
	private omitted: { diagram: ModdleElement; index: number }[] = [];

	constructor(eventBus: EventBus) {
		eventBus.on('import.render.start', BEFORE_SUBPROCESS_COMPATIBILITY, ({ definitions }: RenderStartEvent) => {
			this.definitions = definitions;
			this.fromFile = new Set(diagramsOf(definitions));
			this.implicit = new Set();
		});
		eventBus.on('import.done', 1000, ({ error }: { error?: unknown }) => {
			if (error || !this.definitions) return;
			this.implicit = new Set(diagramsOf(this.definitions).filter((diagram) => !this.fromFile.has(diagram)));
		});
		eventBus.on('saveXML.start', AFTER_PLANES_ARE_FILLED, ({ definitions }: SaveStartEvent) => this.omit(definitions));
		eventBus.on('saveXML.done', 1000, () => this.restore());
	}

	private omit(definitions: ModdleElement): void {
		if (definitions !== this.definitions) return;
		const diagrams = diagramsOf(definitions);
		for (let index = diagrams.length - 1; index >= 0; index--) {
			const diagram = diagrams[index]!;
			const plane = diagram.plane as ModdleElement | undefined;
			if (!this.implicit.has(diagram) || (plane && planeElements(plane).length > 0)) continue;
			diagrams.splice(index, 1);
			this.omitted.unshift({ diagram, index });
		}
	}

	/** Puts the diagrams back where they were, lowest index first. */
	private restore(): void {
		if (!this.definitions) return;
		const diagrams = diagramsOf(this.definitions);
		for (const { diagram, index } of this.omitted) diagrams.splice(index, 0, diagram);
		this.omitted = [];
	}
}

/** The live list of a definitions' diagrams. */
function diagramsOf(definitions: ModdleElement): ModdleElement[] {
	return (definitions as ModdleElement & { get(name: string): ModdleElement[] }).get('diagrams');
}
