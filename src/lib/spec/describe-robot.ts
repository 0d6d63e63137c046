import type { ElementModel } from '$lib/bpmn';
import { personExpressionWords } from './describe-assignment';
import { expressionWords, readFieldReference } from './expression-words';
import type { SpecContext } from './spec-context';
import type { SpecRobot } from './spec-document';
import { durationWords } from './time-words';

/** Inputs that name a person: a member id or an expression over the record. */
const personInputs = new Set(['responsible', 'assignee', 'user', 'to', 'recipient', 'observers', 'creator']);
const durationInputs = new Set(['due', 'deadline', 'delay', 'after']);

/**
 * A robot (`potok:robot` on a service, send or script task) in words: the action, the element's
 * name and each input with a label and a value a client can read — members by name, field
 * references as «значение поля …», durations as «1 день», channels by their brand names.
 */
export function describeRobot(element: ElementModel, ctx: SpecContext): SpecRobot | undefined {
	const robot = element.potok?.robot;
	if (!robot) return undefined;
	const action = ctx.m.robotType(robot.type);
	const name = element.name || action;
	const inputs = robot.inputs.map((input) => ({
		label: robot.type === 'set-fields' ? ctx.m.setField(ctx.fieldLabel(input.name) ?? input.name) : (ctx.m.robotInput(input.name) ?? input.name),
		value: inputValueWords(input.name, input.value, ctx)
	}));
	return { id: element.id, name, action, inputs, text: ctx.m.robotText(action, name, inputs) };
}

function inputValueWords(name: string, value: string, ctx: SpecContext): string {
	const text = value.trim();
	if (text.startsWith('=')) {
		if (personInputs.has(name)) return personExpressionWords(text, ctx);
		const field = readFieldReference(text);
		if (field !== undefined) return ctx.m.fieldValue(ctx.fieldLabel(field) ?? field);
		return expressionWords(text, ctx.fieldLabel, ctx.locale);
	}
	if (text === '') return ctx.m.empty;
	if (text === 'true') return ctx.m.yes;
	if (text === 'false') return ctx.m.no;
	if (personInputs.has(name)) return text.split(',').map((id) => ctx.memberName(id.trim())).join(', ');
	if (name === 'group') return ctx.m.q(ctx.groupName(text));
	if (name === 'channel') return ctx.m.channel(text) ?? text;
	if (durationInputs.has(name)) return durationWords(text, ctx.locale) ?? text;
	return ctx.m.q(text);
}
