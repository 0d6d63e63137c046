/** bpmn-js-differ 3 ships no types; this covers what `diffDefinitions` calls. */
declare module 'bpmn-js-differ' {
	import type { ModdleElement } from 'bpmn-moddle';

	/** What the differ collected, keyed by the id of the element it tracks. */
	export class ChangeHandler {
		_added: Record<string, ModdleElement>;
		_removed: Record<string, ModdleElement>;
		_changed: Record<string, { model: ModdleElement; attrs: Record<string, unknown> }>;
		_layoutChanged: Record<string, ModdleElement>;
		/** The element a change of `element` is recorded against, if the differ tracks it. */
		_isTracked(element: ModdleElement): { element: ModdleElement; property: string } | undefined;
		changed(model: ModdleElement, property: string, newValue?: unknown, oldValue?: unknown): void;
		added(model: ModdleElement, property: string, element: unknown, index: number): void;
		removed(model: ModdleElement, property: string, element: unknown, index: number): void;
	}

	export function diff(from: ModdleElement, to: ModdleElement, handler?: ChangeHandler): ChangeHandler;
}
