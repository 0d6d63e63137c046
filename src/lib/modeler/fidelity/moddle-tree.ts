import type { ModdleElement } from 'bpmn-moddle';

interface PropertyDescriptor {
	name: string;
	isReference?: boolean;
}

/** The diagram-js event bus, as the fidelity services use it. */
export interface EventBus {
	on(event: string, priority: number, callback: (event: never) => void): void;
}

/** Fired by bpmn-js around `saveXML`: `start` may change the tree, `done` always follows. */
export interface SaveStartEvent {
	definitions: ModdleElement;
}

/** Fired by bpmn-js before it draws an imported tree. */
export interface RenderStartEvent {
	definitions: ModdleElement;
}

/** Whether `child` is one of the elements `parent` contains (its children, not its references). */
function contains(parent: ModdleElement, child: ModdleElement): boolean {
	const properties = (parent.$descriptor as { properties?: PropertyDescriptor[] } | undefined)?.properties ?? [];
	return properties.some(({ name, isReference }) => {
		if (isReference) return false;
		const value = parent[name];
		return value === child || (Array.isArray(value) && value.includes(child));
	});
}

/**
 * Whether `element` is still part of `definitions`: each ancestor up to the definitions still
 * holds it. bpmn-js takes a deleted element out of its container (and often clears `$parent`),
 * so a deleted element, or one inside a deleted container, is not.
 */
export function isInDefinitions(element: ModdleElement, definitions: ModdleElement): boolean {
	let child = element;
	for (let parent = child.$parent as ModdleElement | undefined; parent; parent = child.$parent as ModdleElement | undefined) {
		if (!contains(parent, child)) return false;
		if (parent === definitions) return true;
		child = parent;
	}
	return false;
}

/** The `bpmndi:BPMNPlane`s of the diagrams in `definitions`. */
export function planesOf(definitions: ModdleElement): ModdleElement[] {
	const diagrams = (definitions.diagrams as ModdleElement[] | undefined) ?? [];
	return diagrams.map((diagram) => diagram.plane as ModdleElement | undefined).filter((plane) => plane !== undefined);
}

/** A plane's shapes and edges: the live list, created empty when the plane has none. */
export function planeElements(plane: ModdleElement): ModdleElement[] {
	return (plane as ModdleElement & { get(name: string): ModdleElement[] }).get('planeElement');
}
