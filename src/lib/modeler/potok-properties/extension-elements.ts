import type { ModdleElement } from 'bpmn-moddle';

/** A diagram-js shape or connection; only its business object matters here. */
export interface DiagramElement {
	id: string;
	type: string;
	businessObject: ModdleElement;
}

/** The `potok:*` (or other) extension elements of a business object. */
export function extensionValues(bo: ModdleElement): ModdleElement[] {
	const ext = bo.extensionElements as ModdleElement | undefined;
	return (ext?.values as ModdleElement[] | undefined) ?? [];
}

/** The first extension element of the given type, if any. */
export function findExtension(bo: ModdleElement, type: string): ModdleElement | undefined {
	return extensionValues(bo).find((value) => value.$type === type);
}

/** The items of a list-valued property (`fields`, `outcomes`, `inputs`). */
export function listOf(container: ModdleElement | undefined, property: string): ModdleElement[] {
	return (container?.[property] as ModdleElement[] | undefined) ?? [];
}
