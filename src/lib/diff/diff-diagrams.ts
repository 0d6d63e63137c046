import type { ModdleElement } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import { createModdle } from '$lib/bpmn';
import { annotationChanges, type AnnotationChange } from './annotation-changes';
import { BubblingChangeHandler } from './bubbling-change-handler';
import type { DiffLocale } from './diff-messages';
import { emptyAnnotations, readElementAnnotations } from './element-annotations';
import { containedChildren, walkModdle } from './walk-moddle';

/**
 * What changed from one diagram to another, by element id (bpmn-js-differ's vocabulary):
 * `added` exist only in `to`, `removed` only in `from`, `changed` have other semantics
 * (name, type, conditions, extension elements…), `layoutChanged` were moved or re-routed.
 * An added or removed container (pool, subprocess) brings its contents along.
 * `annotations` are the potok-annotation changes in words; an added element reports what it
 * carries, a removed one reports nothing beyond being removed.
 */
export interface DiagramDiff {
	added: string[];
	removed: string[];
	changed: string[];
	layoutChanged: string[];
	annotations: AnnotationChange[];
}

/**
 * Compares two BPMN 2.0 documents read with the potok descriptor.
 * Throws if either is not BPMN XML (stored revisions always are).
 */
export async function diffDiagrams(fromXml: string, toXml: string, locale: DiffLocale): Promise<DiagramDiff> {
	const moddle = createModdle();
	const [from, to] = await Promise.all([moddle.fromXML(fromXml, 'bpmn:Definitions'), moddle.fromXML(toXml, 'bpmn:Definitions')]);
	return diffDefinitions(from.rootElement, to.rootElement, locale);
}

/** `diffDiagrams` for documents already read into `bpmn:Definitions` moddle trees. */
export function diffDefinitions(from: ModdleElement, to: ModdleElement, locale: DiffLocale): DiagramDiff {
	const changes = diff(from, to, new BubblingChangeHandler());
	const fromIds = idsOf(from);
	const toIds = idsOf(to);
	const added = withContents(Object.values(changes._added), fromIds);
	const removed = withContents(Object.values(changes._removed), toIds);
	const gone = new Set([...added, ...removed]);
	const changed = Object.keys(changes._changed).filter((id) => !gone.has(id));
	const layoutChanged = Object.keys(changes._layoutChanged).filter((id) => !gone.has(id));

	const before = readElementAnnotations(from);
	const annotations: AnnotationChange[] = [];
	for (const [id, after] of readElementAnnotations(to)) {
		annotations.push(...annotationChanges(before.get(id) ?? emptyAnnotations(id, after.$type), after, locale));
	}
	return { added, removed, changed, layoutChanged, annotations };
}

/** The ids of the given elements and of everything they contain that `other` does not have. */
function withContents(elements: ModdleElement[], other: Set<string>): string[] {
	const ids = new Set<string>();
	for (const element of elements) {
		if (element.id) ids.add(element.id);
		for (const root of contentRoots(element)) {
			walkModdle(root, (inner) => {
				if (inner.id && !other.has(inner.id) && isDrawn(inner)) ids.add(inner.id);
			});
		}
	}
	return [...ids];
}

/** A pool's contents live in the process it references; a subprocess contains its own. */
function contentRoots(element: ModdleElement): ModdleElement[] {
	if (element.$type === 'bpmn:Participant') {
		const process = element.processRef as ModdleElement | undefined;
		return process ? containedChildren(process) : [];
	}
	return containedChildren(element);
}

/** Flow elements, lanes and artifacts: what a diagram draws (not definitions, data objects or DI). */
function isDrawn(element: ModdleElement): boolean {
	const instanceOf = element.$instanceOf as ((type: string) => boolean) | undefined;
	if (element.$type === 'bpmn:DataObject') return false;
	return ['bpmn:FlowElement', 'bpmn:Lane', 'bpmn:Artifact'].some((type) => instanceOf?.call(element, type) === true);
}

function idsOf(definitions: ModdleElement): Set<string> {
	const ids = new Set<string>();
	walkModdle(definitions, (element) => {
		if (element.id) ids.add(element.id);
	});
	return ids;
}
