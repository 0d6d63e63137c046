import type { ModdleElement } from 'bpmn-moddle';
import { findExtension, listOf } from '../potok-properties/extension-elements';
import { timerDefinition } from '../potok-properties/relative-timer';

type Translate = (text: string) => string;

export interface DetailRow {
	label: string;
	value: string;
}

export interface DetailSection {
	title: string;
	rows: DetailRow[];
}

/** `bpmn:UserTask` → `User task`, the form bpmn-js's own labels (and the translate table) use. */
function typeLabel(type: string): string {
	const words = type.replace(/^\w+:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

function rows(entries: [string, unknown][], translate: Translate): DetailRow[] {
	return entries
		.map(([label, value]) => ({ label: translate(label), value: value === true ? translate('Yes') : text(value) }))
		.filter((row) => row.value !== '');
}

function general(bo: ModdleElement, translate: Translate): DetailSection {
	const documentation = ((bo.documentation as ModdleElement[] | undefined) ?? []).map((d) => text(d.text)).join('\n');
	const condition = (bo.conditionExpression as ModdleElement | undefined)?.body;
	const timer = timerDefinition(bo);
	const timerRows: [string, unknown][] = timer
		? [['Timer date', (timer.timeDate as ModdleElement | undefined)?.body], ['Timer duration', (timer.timeDuration as ModdleElement | undefined)?.body], ['Timer cycle', (timer.timeCycle as ModdleElement | undefined)?.body]]
		: [];
	return {
		title: translate('General'),
		rows: rows([['Name', bo.name], ['ID', bo.id], ['Type', translate(typeLabel(bo.$type))], ['Condition', condition], ...timerRows, ['Documentation', documentation]], translate)
	};
}

function potok(bo: ModdleElement, translate: Translate): DetailSection {
	const stage = findExtension(bo, 'potok:Stage');
	const assignment = findExtension(bo, 'potok:Assignment');
	const task = findExtension(bo, 'potok:Task');
	const robot = findExtension(bo, 'potok:Robot');
	const outcome = findExtension(bo, 'potok:Outcome');
	return {
		title: translate('Potok'),
		rows: rows(
			[
				['Is a stage', stage !== undefined],
				['Stage key', stage?.key],
				['Stage label', stage?.label],
				['Assignment', assignment?.type === undefined ? undefined : translate(text(assignment.type))],
				['User', assignment?.user],
				['Group', assignment?.group],
				['Assignment expression', assignment?.expression],
				['Due (ISO duration or expression)', task?.due],
				['Result required', task?.resultRequired],
				['Robot', robot?.type === undefined ? undefined : translate(text(robot.type))],
				['Record status', outcome?.status === undefined ? undefined : translate(text(outcome.status))]
			],
			translate
		)
	};
}

function field(item: ModdleElement, translate: Translate): DetailRow {
	const parts = [translate(text(item.type)), item.required === true ? translate('Required').toLowerCase() : '', text(item.options), text(item.requiredWhen)];
	return { label: `${text(item.label) || text(item.key)} (${text(item.key)})`, value: parts.filter(Boolean).join(', ') };
}

/**
 * What the read-only view shows for one element: its general properties, its Potok annotations
 * and the stage's fields, outcomes and robot inputs, labelled through the modeler's `translate`.
 * Empty sections are left out.
 */
export function describeElement(bo: ModdleElement, translate: Translate): DetailSection[] {
	const fields = listOf(findExtension(bo, 'potok:Fields'), 'fields');
	const outcomes = listOf(findExtension(bo, 'potok:Outcomes'), 'outcomes');
	const inputs = listOf(findExtension(bo, 'potok:Robot'), 'inputs');
	const sections: DetailSection[] = [
		general(bo, translate),
		potok(bo, translate),
		{ title: translate('Fields'), rows: fields.map((item) => field(item, translate)) },
		{ title: translate('Outcomes'), rows: outcomes.map((o) => ({ label: text(o.key), value: text(o.label) })) },
		{ title: translate('Robot inputs'), rows: inputs.map((i) => ({ label: text(i.name), value: text(i.value) })) }
	];
	return sections.filter((section) => section.rows.length > 0);
}

