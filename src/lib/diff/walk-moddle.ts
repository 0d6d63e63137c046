import type { ModdleElement } from 'bpmn-moddle';

interface PropertyDescriptor {
	name: string;
	isReference?: boolean;
}

interface Descriptor {
	isGeneric?: boolean;
	properties: PropertyDescriptor[];
}

/**
 * Visits a moddle element and everything it contains (depth first, document order), following
 * containment only — references such as `sourceRef` or `bpmnElement` are not followed.
 */
export function walkModdle(element: ModdleElement, visit: (element: ModdleElement) => void): void {
	visit(element);
	for (const child of containedChildren(element)) walkModdle(child, visit);
}

/** The moddle elements directly contained by an element, in property order. */
export function containedChildren(element: ModdleElement): ModdleElement[] {
	const descriptor = element.$descriptor as Descriptor | undefined;
	const names = descriptor?.isGeneric
		? Object.keys(element).filter((key) => !key.startsWith('$'))
		: (descriptor?.properties ?? []).filter((p) => !p.isReference).map((p) => p.name);
	const children: ModdleElement[] = [];
	for (const name of names) {
		const value = element[name];
		for (const item of Array.isArray(value) ? value : [value]) {
			if (isModdleElement(item)) children.push(item);
		}
	}
	return children;
}

function isModdleElement(value: unknown): value is ModdleElement {
	return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
