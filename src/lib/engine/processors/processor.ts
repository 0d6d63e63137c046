import type { ElementKind, ExecElement } from '../compiler/executable';
import type { Token } from '../instance-state';
import type { InstanceRuntime } from '../runtime/instance-runtime';

/**
 * One processor per element kind (STYLE rule 7): it decides what an activated element does —
 * complete at once, wait, open a scope, choose flows. Shared mechanics live in `behaviors/`.
 */
export interface ElementProcessor {
	activate(rt: InstanceRuntime, token: Token, element: ExecElement): void;
}

export type ProcessorRegistry = Record<ElementKind, ElementProcessor>;
