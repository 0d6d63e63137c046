import { diffDiagrams } from '$lib/diff';
import { readDiagramExtras, type DiagramExtras, type ElementSummary } from './diagram-extras';
import type { SpecChangeItem, SpecChanges, SpecLocale } from './spec-document';
import { specMessages, type ChangeSubject, type SpecMessages } from './spec-messages';

/**
 * The list of changes from an older diagram (AS IS, or the last approved revision) to this one,
 * through `$lib/diff`: each added or removed element, then the potok-annotation changes the diff
 * says in words, then elements changed in other ways (a rename, a new type). Moving an element
 * on the canvas is not a change of the specification and is left out.
 */
export async function specChanges(
	against: SpecChanges['against'],
	fromXml: string | undefined,
	toXml: string,
	toExtras: DiagramExtras | undefined,
	locale: SpecLocale
): Promise<SpecChanges> {
	const m = specMessages[locale];
	const title = against === 'as-is' ? m.changes.asIsTitle : m.changes.approvedTitle;
	if (fromXml === undefined) return { against, title, compared: false, note: against === 'as-is' ? m.changes.noAsIs : m.changes.noApproved, items: [] };
	let items: SpecChangeItem[];
	try {
		const [diff, fromExtras, extras] = await Promise.all([
			diffDiagrams(fromXml, toXml, locale),
			readDiagramExtras(fromXml),
			toExtras ? Promise.resolve(toExtras) : readDiagramExtras(toXml)
		]);
		const describe = (id: string, side: DiagramExtras) => subject(id, side, m);
		items = [];
		const annotated = new Map<string, SpecChangeItem[]>();
		for (const change of diff.annotations) {
			const list = annotated.get(change.elementId) ?? [];
			list.push({ elementId: change.elementId, ...(change.elementName ? { elementName: change.elementName } : {}), kind: change.kind, text: change.message });
			annotated.set(change.elementId, list);
		}
		const push = (id: string, kind: string, text: string, side: DiagramExtras) => {
			const name = side.elements.get(id)?.name;
			items.push({ elementId: id, ...(name ? { elementName: name } : {}), kind, text });
		};
		const added = diff.added.filter((id) => extras.elements.has(id));
		// An added element's annotations are what its stage table already says; naming it is enough.
		for (const id of added) push(id, 'added', m.changes.added(describe(id, extras)), extras);
		for (const [id, list] of annotated) if (!added.includes(id)) items.push(...list);
		for (const id of diff.changed) {
			const before = fromExtras.elements.get(id);
			const after = extras.elements.get(id);
			if (!before || !after) continue;
			if (before.name !== undefined && after.name !== undefined && before.name !== after.name) {
				push(id, 'renamed', m.changes.renamed(describe(id, fromExtras), after.name), extras);
			} else if (!annotated.has(id) && isVisibleChange(before, after)) {
				push(id, 'changed', m.changes.changed(describe(id, extras)), extras);
			}
		}
		for (const id of diff.removed) if (fromExtras.elements.has(id)) push(id, 'removed', m.changes.removed(describe(id, fromExtras)), fromExtras);
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

function subjectKind(element: ElementSummary): ChangeSubject {
	if (element.stage) return 'stage';
	const type = element.type.replace(/^bpmn:/, '');
	if (type === 'Lane') return 'lane';
	if (['ServiceTask', 'SendTask', 'ScriptTask', 'BusinessRuleTask'].includes(type)) return 'robot';
	if (type.endsWith('Task') || type === 'Task') return 'task';
	if (type.endsWith('Event')) return 'event';
	if (type.endsWith('Gateway')) return 'gateway';
	if (type.endsWith('SubProcess') || type === 'Transaction' || type === 'CallActivity') return 'subprocess';
	return 'element';
}

/**
 * The diff reports an element as changed when anything below it changed; beyond what the
 * annotations say, a client sees a change of name, of type or of a flow's ends.
 */
function isVisibleChange(a: ElementSummary, b: ElementSummary): boolean {
	return a.name !== b.name || a.type !== b.type || a.ends?.source !== b.ends?.source || a.ends?.target !== b.ends?.target;
}
