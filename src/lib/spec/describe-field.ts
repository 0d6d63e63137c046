import type { ElementModel, PotokField } from '$lib/bpmn';
import { expressionWords, readOutcomeTest } from './expression-words';
import type { SpecContext } from './spec-context';
import type { SpecField } from './spec-document';

/**
 * A stage's card field in words: its type («список: Сайт, Звонок») and its rule for leaving the
 * stage — «обязательно», «необязательно», «обязательно при исходе „Отказ“»; a `requiredWhen`
 * that is not about the outcome is shown as its expression, with field labels for keys.
 */
export function describeField(field: PotokField, stage: ElementModel, ctx: SpecContext): SpecField {
	return {
		key: field.key,
		label: field.label || field.key,
		type: ctx.m.fieldType(field.type, field.options),
		rule: ruleWords(field, stage, ctx),
		required: field.required === true,
		...(field.requiredWhen !== undefined ? { requiredWhen: field.requiredWhen } : {})
	};
}

function ruleWords(field: PotokField, stage: ElementModel, ctx: SpecContext): string {
	const r = ctx.m.rule;
	if (field.required) return r.required;
	if (field.requiredWhen === undefined) return r.optional;
	const test = readOutcomeTest(field.requiredWhen);
	if (!test) return r.whenExpression(expressionWords(field.requiredWhen, ctx.fieldLabel, ctx.locale));
	const labels = test.keys.map((key) => ctx.m.qOutcome(outcomeLabel(stage, key)));
	const rule = test.negated ? r.exceptOutcomes(labels) : r.whenOutcomes(labels);
	return test.also === undefined ? rule : r.andAlso(rule, expressionWords(test.also, ctx.fieldLabel, ctx.locale));
}

/** An outcome's label on a stage; the key when the stage has no such outcome. */
export function outcomeLabel(stage: ElementModel | undefined, key: string): string {
	return stage?.potok?.outcomes?.find((o) => o.key === key)?.label || key;
}
