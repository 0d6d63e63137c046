import { diffDiagrams } from '$lib/diff';
import { changeWords, subjectKind } from './change-words';
import type { DiagramExtras } from './diagram-extras';
import { readDiagram, type ReadDiagram, type ReadOptions } from './read-diagram';
import type { SpecChangeItem, SpecChanges } from './spec-document';
import { specMessages, type SpecMessages } from './spec-messages';

/**
 * The list of changes from an older diagram (AS IS, or the last approved revision) to this one,
 * through `$lib/diff`: each added element, the annotation changes in the document's words
 * (`changeWords`), renamed and otherwise changed elements, and removed ones. Moving an element
 * on the canvas is not a change of the specification and is left out.
 */
export async function specChanges(
	against: SpecChanges['against'],
	fromXml: string | undefined,
	toXml: string,
	to: ReadDiagram,
	options: ReadOptions
): Promise<SpecChanges> {
	const m = specMessages[options.locale];
	const title = against === 'as-is' ? m.changes.asIsTitle : m.changes.approvedTitle;
	if (fromXml === undefined) return { against, title, compared: false, note: against === 'as-is' ? m.changes.noAsIs : m.changes.noApproved, items: [] };
	let items: SpecChangeItem[];
	try {
		const [diff, from] = await Promise.all([diffDiagrams(fromXml, toXml, options.locale), readDiagram(fromXml, options)]);
		const fromExtras = from.extras;
		const toExtras = to.extras;
		if (!fromExtras || !toExtras) throw new Error('Expected both diagrams to be BPMN XML');
		items = [];
		const push = (id: string, kind: string, text: string, side: DiagramExtras) => {
			const name = side.elements.get(id)?.name;
			items.push({ elementId: id, ...(name ? { elementName: name } : {}), kind, text });
		};
		const added = new Set(diff.added.filter((id) => toExtras.elements.has(id)));
		// An added element's annotations are what its stage table already says; naming it is enough.
		for (const id of added) push(id, 'added', m.changes.added(subject(id, toExtras, m)), toExtras);
		const annotated = new Set<string>();
		for (const change of diff.annotations) {
			if (added.has(change.elementId)) continue;
			annotated.add(change.elementId);
			items.push({
				elementId: change.elementId,
				...(change.elementName ? { elementName: change.elementName } : {}),
				kind: change.kind,
				text: changeWords(change, from.ctx, to.ctx, m)
			});
		}
		for (const id of diff.changed) {
			const before = fromExtras.elements.get(id);
			const after = toExtras.elements.get(id);
			if (!before || !after) continue;
			if (before.name !== undefined && after.name !== undefined && before.name !== after.name) {
				push(id, 'renamed', m.changes.renamed(subject(id, fromExtras, m), after.name), toExtras);
			} else if (!annotated.has(id) && (before.type !== after.type || before.ends?.source !== after.ends?.source || before.ends?.target !== after.ends?.target)) {
				push(id, 'changed', m.changes.changed(subject(id, toExtras, m)), toExtras);
			}
		}
		for (const id of diff.removed) if (fromExtras.elements.has(id)) push(id, 'removed', m.changes.removed(subject(id, fromExtras, m)), fromExtras);
	} catch (error) {
		return { against, title, compared: false, note: (error as Error).message, items: [] };
	}
	return { against, title, compared: true, ...(items.length === 0 ? { note: m.changes.none } : {}), items };
}

/** «стадия «Встреча назначена»», «переход «Целевая заявка? → Спам»». */
function subject(id: string, extras: DiagramExtras, m: SpecMessages): string {
	const element = extras.elements.get(id);
	if (!element) return m.changes.subject('element', id);
	if (element.ends) {
		const end = (ref: string) => extras.elements.get(ref)?.name ?? ref;
		return m.changes.subject('flow', element.name ?? `${end(element.ends.source)} → ${end(element.ends.target)}`);
	}
	return m.changes.subject(subjectKind(element), element.name ?? id);
}
