import type { DiagramDiff } from '$lib/diff';

/** How an element differs between the two diagrams, as the compare view colours and lists it. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export const changeKinds: readonly ChangeKind[] = ['added', 'removed', 'changed', 'moved'];

/** One row of the change list: an element, how it changed, and its annotation changes in words. */
export interface CompareEntry {
	id: string;
	kinds: ChangeKind[];
	/** The name the annotation changes give the element, when there are any. */
	name?: string;
	annotations: string[];
}

/** The CSS class a kind of change puts on a diagram element. */
export function markerClass(kind: ChangeKind): string {
	return `potok-diff-${kind}`;
}

/**
 * The markers for each side: removed elements exist only on the left, added only on the right,
 * changed and moved ones on both.
 */
export function compareMarkers(diff: DiagramDiff): { left: Record<string, string[]>; right: Record<string, string[]> } {
	const left: Record<string, string[]> = {};
	const right: Record<string, string[]> = {};
	const mark = (side: Record<string, string[]>, ids: string[], kind: ChangeKind) => {
		for (const id of ids) (side[id] ??= []).push(markerClass(kind));
	};
	mark(left, diff.removed, 'removed');
	mark(right, diff.added, 'added');
	for (const side of [left, right]) {
		mark(side, diff.layoutChanged, 'moved');
		mark(side, diff.changed, 'changed');
	}
	return { left, right };
}

/** The change list: added, then removed, then changed, then only moved elements, in diff order. */
export function compareEntries(diff: DiagramDiff): CompareEntry[] {
	const byId = new Map<string, CompareEntry>();
	const entry = (id: string) => {
		let found = byId.get(id);
		if (!found) byId.set(id, (found = { id, kinds: [], annotations: [] }));
		return found;
	};
	for (const id of diff.added) entry(id).kinds.push('added');
	for (const id of diff.removed) entry(id).kinds.push('removed');
	for (const id of diff.changed) entry(id).kinds.push('changed');
	for (const id of diff.layoutChanged) entry(id).kinds.push('moved');
	for (const change of diff.annotations) {
		const found = entry(change.elementId);
		if (found.kinds.length === 0) found.kinds.push('changed');
		if (change.elementName) found.name ??= change.elementName;
		found.annotations.push(change.message);
	}
	return [...byId.values()];
}
