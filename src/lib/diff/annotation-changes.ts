import type { ElementAnnotations, FieldAnnotation } from './element-annotations';
import { diffMessages, type DiffLocale, type DiffMessages, type SubjectKind } from './diff-messages';

/** Every kind of potok-annotation change a compare reports. */
export const annotationKinds = [
	'stage-marked', 'stage-unmarked',
	'field-added', 'field-removed', 'field-required', 'field-optional', 'field-required-when', 'field-type', 'field-label', 'field-options',
	'outcome-added', 'outcome-removed', 'outcome-renamed',
	'condition', 'assignment', 'deadline', 'result-required', 'robot', 'timer', 'record-status'
] as const;

export type AnnotationKind = (typeof annotationKinds)[number];

/** One change of a potok annotation (or of a condition or timer), said in words. */
export interface AnnotationChange {
	elementId: string;
	/** The element's name in the newer diagram (or the older one, if it has none there). */
	elementName?: string;
	kind: AnnotationKind;
	/** The field or outcome key the change is about. */
	key?: string;
	/** A sentence for people, e.g. «Этап «Встреча назначена»: новое обязательное поле «Дата встречи» (datetime)». */
	message: string;
}

/**
 * The annotation changes of one element from `from` to `to`, in the order a reader expects:
 * stage, fields, outcomes, then the element's settings.
 */
export function annotationChanges(from: ElementAnnotations, to: ElementAnnotations, locale: DiffLocale): AnnotationChange[] {
	const m = diffMessages[locale];
	const name = to.name ?? from.name;
	const changes: AnnotationChange[] = [];
	const say = (kind: AnnotationKind, detail: string, key?: string, subject = subjectOf(from, to, m)) =>
		changes.push({ elementId: to.id, ...(name ? { elementName: name } : {}), kind, ...(key ? { key } : {}), message: `${subject}: ${detail}` });

	if (from.stage !== to.stage) {
		const plain = m.subject(kindOfType(to.$type), displayName(to.name ? to : from));
		say(to.stage ? 'stage-marked' : 'stage-unmarked', to.stage ? m.stageMarked : m.stageUnmarked, undefined, plain);
	}
	fieldChanges(from.fields, to.fields, m, say);
	for (const [key, outcome] of to.outcomes) {
		const before = from.outcomes.get(key);
		if (!before) say('outcome-added', m.outcomeAdded(outcome.label ?? key, key), key);
		else if (before.label !== outcome.label) say('outcome-renamed', m.outcomeRenamed(key, before.label, outcome.label), key);
	}
	for (const [key, outcome] of from.outcomes) {
		if (!to.outcomes.has(key)) say('outcome-removed', m.outcomeRemoved(outcome.label ?? key, key), key);
	}
	if (from.condition !== to.condition) say('condition', m.condition(from.condition, to.condition));
	if (!same(from.assignment, to.assignment)) say('assignment', m.assignment(from.assignment, to.assignment));
	if (from.due !== to.due) say('deadline', m.deadline(from.due, to.due));
	if (from.resultRequired !== to.resultRequired) say('result-required', m.resultRequired(to.resultRequired));
	if (!same(from.robot, to.robot)) say('robot', m.robot(from.robot, to.robot));
	if (!same(from.timer, to.timer)) say('timer', m.timer(from.timer, to.timer));
	if (from.status !== to.status) say('record-status', m.recordStatus(from.status, to.status));
	return changes;
}

type Say = (kind: AnnotationKind, detail: string, key?: string) => void;

function fieldChanges(from: Map<string, FieldAnnotation>, to: Map<string, FieldAnnotation>, m: DiffMessages, say: Say): void {
	for (const [key, field] of to) {
		const name = field.label ?? key;
		const before = from.get(key);
		if (!before) {
			say('field-added', m.fieldAdded({ name, required: field.required, ...optional('type', field.type), ...optional('requiredWhen', field.requiredWhen) }), key);
			continue;
		}
		if (before.label !== field.label) say('field-label', m.fieldLabel(key, before.label, field.label), key);
		if (before.type !== field.type) say('field-type', m.fieldType(name, before.type, field.type), key);
		if (before.required !== field.required) say(field.required ? 'field-required' : 'field-optional', field.required ? m.fieldRequired(name) : m.fieldOptional(name), key);
		if (before.requiredWhen !== field.requiredWhen) say('field-required-when', m.fieldRequiredWhen(name, before.requiredWhen, field.requiredWhen), key);
		if (before.options !== field.options) say('field-options', m.fieldOptions(name, before.options, field.options), key);
	}
	for (const [key, field] of from) {
		if (!to.has(key)) say('field-removed', m.fieldRemoved(field.label ?? key), key);
	}
}

function subjectOf(from: ElementAnnotations, to: ElementAnnotations, m: DiffMessages): string {
	const kind: SubjectKind = to.stage ? 'stage' : kindOfType(to.$type);
	return m.subject(kind, displayName(to.name ? to : from));
}

/** The element's name; a nameless flow is named by its ends, anything else by its id. */
function displayName(element: ElementAnnotations): string {
	if (element.name) return element.name;
	if (element.flowEnds) return `${element.flowEnds.source} → ${element.flowEnds.target}`;
	return element.id;
}

function kindOfType($type: string): SubjectKind {
	const local = $type.replace(/^bpmn:/, '');
	if (local === 'SequenceFlow') return 'flow';
	if (local === 'SubProcess' || local === 'Transaction' || local === 'AdHocSubProcess') return 'subprocess';
	if (local === 'CallActivity') return 'call';
	if (local === 'Lane') return 'lane';
	if (local.endsWith('Task') || local === 'Task') return 'task';
	if (local.endsWith('Event')) return 'event';
	if (local.endsWith('Gateway')) return 'gateway';
	return 'element';
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
	return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
