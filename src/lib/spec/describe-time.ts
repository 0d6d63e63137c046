import type { ElementModel, TimerModel } from '$lib/bpmn';
import { expressionWords, readDurationCall, readFieldOffset } from './expression-words';
import type { SpecContext } from './spec-context';
import { cycleWords, dateTimeWords, durationWords, isIsoDateTime } from './time-words';

/**
 * Deadlines and event moments in words: «1 день», «через 2 часа после «Дата встречи»»,
 * «за 1 час до «Дата встречи»», «каждый день, 3 раза». An expression Potok cannot put in
 * words is shown with field labels in place of keys.
 */

/** A stage deadline (`potok:task due`): an ISO duration, an ISO date or an expression. */
export function deadlineWords(due: string | undefined, ctx: SpecContext): string {
	const d = ctx.m.deadline;
	if (due === undefined || due.trim() === '') return d.notSet;
	const value = due.trim();
	if (!value.startsWith('=')) {
		const duration = durationWords(value, ctx.locale);
		if (duration !== undefined) return duration;
		if (isIsoDateTime(value)) return d.byDate(dateTimeWords(value, ctx.locale, ctx.timeZone));
		return value;
	}
	const call = readDurationCall(value);
	const callWords = call === undefined ? undefined : durationWords(call, ctx.locale);
	if (callWords !== undefined) return callWords;
	return relativeWords(value, ctx) ?? d.expression(expressionWords(value, ctx.fieldLabel, ctx.locale));
}

/** `record.x ± duration("…")` in words, or undefined. */
function relativeWords(expression: string, ctx: SpecContext): string | undefined {
	const offset = readFieldOffset(expression);
	if (!offset) return undefined;
	const field = ctx.fieldLabel(offset.field) ?? offset.field;
	if (offset.direction === 'at') return ctx.m.relative.at(field);
	const words = durationWords(offset.offset, ctx.locale, true);
	if (words === undefined) return undefined;
	return offset.direction === 'before' ? ctx.m.relative.before(words, field) : ctx.m.relative.after(words, field);
}

/** When a timer fires; `onStage` for a timer on a stage's border («через 15 минут на стадии»). */
export function timerWords(timer: TimerModel, ctx: SpecContext, onStage: boolean): string {
	const w = ctx.m.when;
	const value = timer.value.trim();
	if (value.startsWith('=')) {
		const call = readDurationCall(value);
		const callWords = call === undefined ? undefined : durationWords(call, ctx.locale, true);
		if (callWords !== undefined) return onStage ? w.onStageAfter(callWords) : w.after(callWords);
		return relativeWords(value, ctx) ?? w.expression(expressionWords(value, ctx.fieldLabel, ctx.locale));
	}
	if (timer.kind === 'duration') {
		const words = durationWords(value, ctx.locale, true);
		if (words !== undefined) return onStage ? w.onStageAfter(words) : w.after(words);
	}
	if (timer.kind === 'date' && isIsoDateTime(value)) return w.at(dateTimeWords(value, ctx.locale, ctx.timeZone));
	if (timer.kind === 'cycle') {
		const words = cycleWords(value, ctx.locale, ctx.timeZone);
		if (words !== undefined) return w.cycle(words);
	}
	return value === '' ? ctx.m.empty : value;
}

/** When a catching event happens, in words (timer, message, signal, error, escalation). */
export function eventWhenWords(element: ElementModel, ctx: SpecContext, onStage = false): string {
	const w = ctx.m.when;
	const definition = element.eventDefinitions?.[0];
	if (!definition) {
		if (element.type === 'bpmn:ReceiveTask') return w.message(element.messageName);
		return w.manual;
	}
	switch (definition.type) {
		case 'timer':
			return timerWords(definition.timer, ctx, onStage);
		case 'message':
			return w.message(definition.messageName);
		case 'signal':
			return w.signal(definition.signalName);
		case 'error':
			return w.error(definition.errorCode);
		case 'escalation':
			return w.escalation(definition.escalationCode);
		case 'terminate':
			return w.manual;
		case 'unsupported':
			return definition.bpmnType === 'bpmn:ConditionalEventDefinition' ? w.conditional : definition.bpmnType;
	}
}
