import type { ModdleElement } from 'bpmn-moddle';
import { ChangeHandler } from 'bpmn-js-differ';

/**
 * bpmn-js-differ's handler records a change only when the changed object is a tracked element
 * (a flow element, lane, pool…) or is directly below one. A change deeper inside a list — a timer
 * event definition's duration, a documentation text — was lost. This handler hands such changes
 * to the nearest tracked (or diagram-interchange) ancestor, so the owning element counts as
 * changed (or moved).
 */
export class BubblingChangeHandler extends ChangeHandler {
	changed(model: ModdleElement, property: string, newValue?: unknown, oldValue?: unknown): void {
		if (this.records(model)) return super.changed(model, property, newValue, oldValue);
		const owner = this.owner(model.$parent as ModdleElement | undefined);
		if (owner) super.changed(owner, property);
	}

	added(model: ModdleElement, property: string, element: unknown, index: number): void {
		if (this.records(element as ModdleElement) || this._isTracked(model)) return super.added(model, property, element, index);
		const owner = this.owner(model);
		if (owner) super.changed(owner, property);
	}

	removed(model: ModdleElement, property: string, element: unknown, index: number): void {
		if (this.records(element as ModdleElement) || this._isTracked(model)) return super.removed(model, property, element, index);
		const owner = this.owner(model);
		if (owner) super.changed(owner, property);
	}

	/** Whether the differ itself records a change of this object. */
	private records(element: ModdleElement | undefined): boolean {
		return isModdle(element) && (isDi(element) || this._isTracked(element) !== undefined);
	}

	private owner(start: ModdleElement | undefined): ModdleElement | undefined {
		for (let element = start; element; element = element.$parent as ModdleElement | undefined) {
			if (this.records(element)) return element;
		}
		return undefined;
	}
}

function isModdle(element: ModdleElement | undefined): element is ModdleElement {
	return typeof element?.$instanceOf === 'function';
}

function isDi(element: ModdleElement): boolean {
	const instanceOf = element.$instanceOf as (type: string) => boolean;
	return instanceOf.call(element, 'bpmndi:BPMNShape') || instanceOf.call(element, 'bpmndi:BPMNEdge');
}
