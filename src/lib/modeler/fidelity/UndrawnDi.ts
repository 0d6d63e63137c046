import type { ModdleElement } from 'bpmn-moddle';
import { isInDefinitions, planeElements, planesOf, type EventBus, type RenderStartEvent, type SaveStartEvent } from './moddle-tree';

interface ElementRegistry {
	getAll(): { di?: ModdleElement }[];
}

interface Undrawn {
	di: ModdleElement;
	plane: ModdleElement;
}

/** After bpmn-js's BpmnDiOrdering (2000) has rebuilt every plane from the canvas. */
const AFTER_DI_ORDERING = 1500;

/**
 * Keeps the diagram interchange bpmn-js imports but does not draw: the shapes of a process no
 * pool references, a second shape of an element, an edge that names no `bpmnElement`. On
 * `saveXML`, bpmn-js rebuilds each plane from the canvas, so such DI would silently disappear.
 *
 * Contract: every shape or edge of the imported file that did not become a diagram element is
 * written back to its plane on every export, as long as
 * - its plane's diagram is still in the definitions,
 * - its `bpmnElement` (when it has one) is still part of the definitions — an element the user
 *   deleted, or that went with a deleted pool, takes its undrawn DI with it,
 * - the shapes an edge connects (`sourceElement`, `targetElement`) are still written.
 */
export default class UndrawnDi {
	static $inject = ['eventBus', 'elementRegistry'];

	private definitions: ModdleElement | undefined;
	private undrawn: Undrawn[] = [];

	constructor(eventBus: EventBus, elementRegistry: ElementRegistry) {
		eventBus.on('import.render.start', 2000, ({ definitions }: RenderStartEvent) => {
			this.definitions = definitions;
			this.undrawn = [];
		});
		eventBus.on('import.done', 1000, ({ error }: { error?: unknown }) => {
			if (error || !this.definitions) return;
			const drawn = new Set(elementRegistry.getAll().map((element) => element.di));
			this.undrawn = planesOf(this.definitions).flatMap((plane) =>
				planeElements(plane)
					.filter((di) => !drawn.has(di))
					.map((di) => ({ di, plane }))
			);
		});
		eventBus.on('saveXML.start', AFTER_DI_ORDERING, ({ definitions }: SaveStartEvent) => this.restore(definitions));
	}

	/** Puts the undrawn DI that still belongs to the diagram back at the end of its plane. */
	private restore(definitions: ModdleElement): void {
		if (definitions !== this.definitions) return;
		const diagrams = (definitions.diagrams as ModdleElement[] | undefined) ?? [];
		const kept = this.undrawn.filter(({ di, plane }) => {
			const element = di.bpmnElement as ModdleElement | undefined;
			return diagrams.includes(plane.$parent as ModdleElement) && (!element || isInDefinitions(element, definitions));
		});
		const written = new Set([...planesOf(definitions).flatMap(planeElements), ...kept.map(({ di }) => di)]);
		for (const { di, plane } of kept) {
			const ends = [di.sourceElement, di.targetElement].filter((end) => end !== undefined) as ModdleElement[];
			if (ends.some((end) => !written.has(end))) continue;
			const elements = planeElements(plane);
			if (!elements.includes(di)) elements.push(di);
		}
	}
}
