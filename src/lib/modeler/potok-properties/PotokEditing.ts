import type { ModdleElement } from 'bpmn-moddle';
import { extensionValues, findExtension, listOf, type DiagramElement } from './extension-elements';
import { formatRelativeTimer, timerDefinition, type RelativeTimer } from './relative-timer';

interface BpmnFactory {
	create(type: string, attrs?: Record<string, unknown>): ModdleElement;
}
interface Modeling {
	updateModdleProperties(element: DiagramElement, moddleElement: ModdleElement, props: Record<string, unknown>): void;
	updateProperties(element: DiagramElement, props: Record<string, unknown>): void;
}

/**
 * Every Potok edit of the diagram, each as exactly one `element.updateModdleProperties` command so
 * undo/redo treats it as one step. The properties panel entries and the tests call this service.
 */
export default class PotokEditing {
	static $inject = ['bpmnFactory', 'modeling'];

	constructor(
		private readonly bpmnFactory: BpmnFactory,
		private readonly modeling: Modeling
	) {}

	/** Whether the element is marked as a stage of the record. */
	isStage(element: DiagramElement): boolean {
		return findExtension(element.businessObject, 'potok:Stage') !== undefined;
	}

	/** Marks or unmarks the element as a stage. */
	setStage(element: DiagramElement, on: boolean): void {
		const stage = findExtension(element.businessObject, 'potok:Stage');
		if (on && !stage) this.addExtension(element, this.bpmnFactory.create('potok:Stage', {}));
		if (!on && stage) this.removeExtension(element, stage);
	}

	/** Sets attributes of any potok element (a stage, a field, an outcome, a robot…). */
	update(element: DiagramElement, target: ModdleElement, props: Record<string, unknown>): void {
		this.modeling.updateModdleProperties(element, target, props);
	}

	/** Returns the single extension element of `type`, or undefined. */
	get(element: DiagramElement, type: string): ModdleElement | undefined {
		return findExtension(element.businessObject, type);
	}

	/** Adds (or replaces nothing and returns) the single extension element of `type`. */
	ensure(element: DiagramElement, type: string, attrs: Record<string, unknown> = {}): ModdleElement {
		const existing = findExtension(element.businessObject, type);
		if (existing) return existing;
		const created = this.bpmnFactory.create(type, attrs);
		this.addExtension(element, created);
		return created;
	}

	/** Sets one attribute of the single extension element of `type`, creating it in the same command. */
	setAttribute(element: DiagramElement, type: string, name: string, value: unknown): void {
		const existing = findExtension(element.businessObject, type);
		if (existing) this.modeling.updateModdleProperties(element, existing, { [name]: value });
		else if (value !== undefined) this.addExtension(element, this.bpmnFactory.create(type, { [name]: value }));
	}

	/** Routes a sequence flow by an outcome key: writes `=outcome = "key"` (or clears it). */
	setOutcomeCondition(flow: DiagramElement, key: string | undefined): void {
		const conditionExpression = key ? this.bpmnFactory.create('bpmn:FormalExpression', { body: `=outcome = "${key}"` }) : undefined;
		this.modeling.updateProperties(flow, { conditionExpression });
	}

	/**
	 * Makes a timer event fire relative to a datetime field (writes its `timeDate` expression and
	 * drops any duration or cycle), or clears the timer's value when `timer` is undefined.
	 */
	setRelativeTimer(event: DiagramElement, timer: RelativeTimer | undefined): void {
		const definition = timerDefinition(event.businessObject);
		if (!definition) throw new Error(`Expected a timer event, but ${event.id} is a ${event.type} without a timer`);
		const timeDate = timer ? this.bpmnFactory.create('bpmn:FormalExpression', { body: formatRelativeTimer(timer) }) : undefined;
		if (timeDate) timeDate.$parent = definition;
		this.modeling.updateModdleProperties(event, definition, { timeDate, timeDuration: undefined, timeCycle: undefined });
	}

	/** Removes the single extension element of `type`, if present. */
	remove(element: DiagramElement, type: string): void {
		const existing = findExtension(element.businessObject, type);
		if (existing) this.removeExtension(element, existing);
	}

	/** Appends an item to a list container (`potok:Fields`.fields, …), creating the container if needed. */
	addItem(element: DiagramElement, containerType: string, property: string, itemType: string, attrs: Record<string, unknown>): ModdleElement {
		const item = this.bpmnFactory.create(itemType, attrs);
		const container = findExtension(element.businessObject, containerType);
		if (container) {
			item.$parent = container;
			this.modeling.updateModdleProperties(element, container, { [property]: [...listOf(container, property), item] });
		} else {
			const created = this.bpmnFactory.create(containerType, { [property]: [item] });
			item.$parent = created;
			this.addExtension(element, created);
		}
		return item;
	}

	/** Removes an item from a list container. */
	removeItem(element: DiagramElement, containerType: string, property: string, item: ModdleElement): void {
		const container = findExtension(element.businessObject, containerType);
		if (!container) return;
		this.modeling.updateModdleProperties(element, container, { [property]: listOf(container, property).filter((i) => i !== item) });
	}

	/** Appends an item to a list property of a given potok element (a robot's inputs). */
	addToList(element: DiagramElement, owner: ModdleElement, property: string, itemType: string, attrs: Record<string, unknown>): ModdleElement {
		const item = this.bpmnFactory.create(itemType, attrs);
		item.$parent = owner;
		this.modeling.updateModdleProperties(element, owner, { [property]: [...listOf(owner, property), item] });
		return item;
	}

	/** Removes an item from a list property of a given potok element. */
	removeFromList(element: DiagramElement, owner: ModdleElement, property: string, item: ModdleElement): void {
		this.modeling.updateModdleProperties(element, owner, { [property]: listOf(owner, property).filter((i) => i !== item) });
	}

	private addExtension(element: DiagramElement, value: ModdleElement): void {
		const bo = element.businessObject;
		const ext = bo.extensionElements as ModdleElement | undefined;
		if (ext) {
			value.$parent = ext;
			this.modeling.updateModdleProperties(element, ext, { values: [...extensionValues(bo), value] });
		} else {
			const created = this.bpmnFactory.create('bpmn:ExtensionElements', { values: [value] });
			created.$parent = bo;
			value.$parent = created;
			this.modeling.updateModdleProperties(element, bo, { extensionElements: created });
		}
	}

	private removeExtension(element: DiagramElement, value: ModdleElement): void {
		const ext = element.businessObject.extensionElements as ModdleElement;
		this.modeling.updateModdleProperties(element, ext, { values: extensionValues(element.businessObject).filter((v) => v !== value) });
	}
}
