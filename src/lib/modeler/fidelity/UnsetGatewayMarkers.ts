import type { ModdleElement } from 'bpmn-moddle';
import { planeElements, planesOf, type EventBus, type RenderStartEvent } from './moddle-tree';

interface CommandEvent {
	context: {
		moddleElement?: ModdleElement;
		element?: { di?: ModdleElement };
		properties?: Record<string, unknown> & { di?: Record<string, unknown> };
	};
}

/**
 * Writes an imported exclusive gateway's shape without `isMarkerVisible` when the file had none.
 *
 * bpmn-js's ElementFactory sets `isMarkerVisible="true"` on such shapes as it imports them, so the
 * "X" shows; the file then comes back with an attribute it never had, which changes the picture
 * in tools that follow the BPMN default (false). The canvas keeps showing the marker: the
 * attribute is only left out while the XML is written, and put back right after.
 *
 * Contract: a shape whose file left the attribute unset and whose value is still `true` is
 * written without it — unless a command (`element.updateModdleProperties` on the shape, or
 * `element.updateProperties` with `di.isMarkerVisible`) set the value, and was not undone.
 * Gateways drawn in the modeler are written as bpmn-js writes them.
 */
export default class UnsetGatewayMarkers {
	static $inject = ['eventBus'];

	/** The shapes imported without the attribute. */
	private unset = new Set<ModdleElement>();
	/** How many commands in the undo history set the attribute, per shape. */
	private touched = new Map<ModdleElement, number>();
	/** The shapes written without the attribute by the `saveXML` under way. */
	private hidden: ModdleElement[] = [];

	constructor(eventBus: EventBus) {
		// before ElementFactory sets the attribute on the shapes it draws
		eventBus.on('import.render.start', 2000, ({ definitions }: RenderStartEvent) => {
			this.unset = new Set(planesOf(definitions).flatMap(planeElements).filter(isUnsetGatewayShape));
			this.touched = new Map();
		});
		for (const command of ['element.updateModdleProperties', 'element.updateProperties']) {
			eventBus.on(`commandStack.${command}.executed`, 1000, (event: CommandEvent) => this.count(event, 1));
			eventBus.on(`commandStack.${command}.reverted`, 1000, (event: CommandEvent) => this.count(event, -1));
		}
		eventBus.on('saveXML.start', 1000, () => this.hide());
		eventBus.on('saveXML.done', 1000, () => this.show());
	}

	private count({ context }: CommandEvent, step: number): void {
		const { moddleElement, element, properties = {} } = context;
		const di = moddleElement ?? element?.di;
		const changed = moddleElement ? 'isMarkerVisible' in properties : properties.di !== undefined && 'isMarkerVisible' in properties.di;
		if (!di || !changed || !this.unset.has(di)) return;
		this.touched.set(di, (this.touched.get(di) ?? 0) + step);
	}

	private hide(): void {
		for (const di of this.unset) {
			if (di.isMarkerVisible !== true || (this.touched.get(di) ?? 0) > 0) continue;
			(di as ModdleElement & { set(name: string, value: unknown): void }).set('isMarkerVisible', undefined);
			this.hidden.push(di);
		}
	}

	private show(): void {
		for (const di of this.hidden) di.isMarkerVisible = true;
		this.hidden = [];
	}
}

function isUnsetGatewayShape(di: ModdleElement): boolean {
	const element = di.bpmnElement as ModdleElement | undefined;
	return di.$type === 'bpmndi:BPMNShape' && element?.$type === 'bpmn:ExclusiveGateway' && !Object.hasOwn(di, 'isMarkerVisible');
}
