import type { ModdleElement } from 'bpmn-moddle';
import { walkModdle } from './walk-moddle';

/**
 * What a compare reads off one diagram element: its potok annotations and the plain-BPMN
 * settings Potok executes (a flow's condition, a timer). Read raw, without zod: a draft that
 * does not validate yet must still compare.
 */
export interface ElementAnnotations {
	id: string;
	$type: string;
	name?: string;
	/** For a sequence flow: the names (or ids) of its source and target. */
	flowEnds?: { source: string; target: string };
	stage: boolean;
	fields: Map<string, FieldAnnotation>;
	outcomes: Map<string, { label?: string }>;
	assignment?: AssignmentAnnotation;
	due?: string;
	resultRequired: boolean;
	robot?: RobotAnnotation;
	/** `potok:outcome status` on an end event: the record's final status. */
	status?: string;
	condition?: string;
	timer?: TimerAnnotation;
}

export interface FieldAnnotation {
	label?: string;
	type?: string;
	required: boolean;
	requiredWhen?: string;
	options?: string;
}

export interface AssignmentAnnotation {
	type?: string;
	user?: string;
	group?: string;
	expression?: string;
}

export interface RobotAnnotation {
	type?: string;
	retries?: number;
	inputs: { name: string; value: string }[];
}

export interface TimerAnnotation {
	kind: 'duration' | 'date' | 'cycle';
	value: string;
}

/** An element with nothing on it: what an added element is compared against. */
export function emptyAnnotations(id: string, $type: string): ElementAnnotations {
	return { id, $type, stage: false, fields: new Map(), outcomes: new Map(), resultRequired: false };
}

/** The annotations of every flow element and lane of a `bpmn:Definitions`, by element id. */
export function readElementAnnotations(definitions: ModdleElement): Map<string, ElementAnnotations> {
	const byId = new Map<string, ElementAnnotations>();
	walkModdle(definitions, (element) => {
		if (!element.id || !isAnnotatable(element)) return;
		byId.set(element.id, read(element));
	});
	return byId;
}

function isAnnotatable(element: ModdleElement): boolean {
	const instanceOf = element.$instanceOf as ((type: string) => boolean) | undefined;
	return instanceOf !== undefined && (instanceOf.call(element, 'bpmn:FlowElement') || instanceOf.call(element, 'bpmn:Lane'));
}

function read(element: ModdleElement): ElementAnnotations {
	const out = emptyAnnotations(element.id ?? '', element.$type);
	if (element.name) out.name = element.name;
	for (const value of extensionValues(element)) readExtension(value, out);
	if (element.$type === 'bpmn:SequenceFlow') {
		out.flowEnds = { source: label(element.sourceRef), target: label(element.targetRef) };
		const condition = body(element.conditionExpression);
		if (condition !== undefined) out.condition = condition;
	}
	const timer = ((element.eventDefinitions as ModdleElement[] | undefined) ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
	if (timer) out.timer = readTimer(timer);
	return out;
}

function readExtension(value: ModdleElement, out: ElementAnnotations): void {
	switch (value.$type) {
		case 'potok:Stage':
			out.stage = true;
			break;
		case 'potok:Fields':
			for (const field of list(value, 'fields')) {
				if (typeof field.key !== 'string') continue;
				out.fields.set(field.key, {
					...text(field, 'label'),
					...text(field, 'type'),
					required: field.required === true,
					...text(field, 'requiredWhen'),
					...text(field, 'options')
				});
			}
			break;
		case 'potok:Outcomes':
			for (const outcome of list(value, 'outcomes')) {
				if (typeof outcome.key === 'string') out.outcomes.set(outcome.key, text(outcome, 'label'));
			}
			break;
		case 'potok:Outcome':
			if (typeof value.status === 'string') out.status = value.status;
			break;
		case 'potok:Assignment':
			out.assignment = { ...text(value, 'type'), ...text(value, 'user'), ...text(value, 'group'), ...text(value, 'expression') };
			break;
		case 'potok:Task':
			if (typeof value.due === 'string' && value.due !== '') out.due = value.due;
			out.resultRequired = value.resultRequired === true;
			break;
		case 'potok:Robot':
			out.robot = {
				...text(value, 'type'),
				...(typeof value.retries === 'number' ? { retries: value.retries } : {}),
				inputs: list(value, 'inputs').map((input) => ({ name: String(input.name ?? ''), value: String(input.value ?? '') }))
			};
			break;
	}
}

function readTimer(definition: ModdleElement): TimerAnnotation {
	for (const kind of ['duration', 'date', 'cycle'] as const) {
		const property = `time${kind[0]?.toUpperCase()}${kind.slice(1)}`;
		const value = body(definition[property]);
		if (value !== undefined) return { kind, value };
	}
	return { kind: 'duration', value: '' };
}

function extensionValues(element: ModdleElement): ModdleElement[] {
	return list(element.extensionElements as ModdleElement | undefined, 'values');
}

function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
	return (element?.[property] as ModdleElement[] | undefined) ?? [];
}

function text<K extends string>(element: ModdleElement, property: K): { [P in K]?: string } {
	const value = element[property];
	return (typeof value === 'string' && value !== '' ? { [property]: value } : {}) as { [P in K]?: string };
}

function body(expression: unknown): string | undefined {
	const value = (expression as ModdleElement | undefined)?.body;
	return typeof value === 'string' ? value.trim() : undefined;
}

function label(ref: unknown): string {
	const element = ref as ModdleElement | undefined;
	return element?.name || element?.id || '?';
}
