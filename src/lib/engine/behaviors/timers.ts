import { FeelDateTime, FeelDuration } from 'feelin';
import type { ExecEvent } from '../compiler/executable';
import { ExpressionError, type Expression, type VariableSource } from '../expression';
import type { Wait } from '../instance-state';
import { addDuration, parseCycle, parseDateTime, parseDuration } from '../iso-time';
import { ModelError } from './incidents';

type TimerEvent = Extract<ExecEvent, { type: 'timer' }>;

/** When a timer falls due, from its ISO 8601 value or FEEL expression, as a timer wait. */
export function scheduleTimer(event: TimerEvent, element: string, now: number, vars: VariableSource): Wait {
	const text = event.expression ? timerText(event, vars) : event.value;
	if (event.kind === 'date') {
		const at = parseDateTime(text);
		if (at === undefined) throw new ModelError(`Timer of ${element}: \`${text}\` is not an ISO 8601 date`);
		return { k: 't', e: element, due: at };
	}
	if (event.kind === 'duration') {
		const duration = parseDuration(text);
		if (!duration) throw new ModelError(`Timer of ${element}: \`${text}\` is not an ISO 8601 duration`);
		return { k: 't', e: element, due: addDuration(now, duration) };
	}
	const cycle = parseCycle(text);
	if (!cycle) throw new ModelError(`Timer of ${element}: \`${text}\` is not an ISO 8601 cycle`);
	const period = text.slice(text.lastIndexOf('/') + 1);
	const first = cycle.start !== undefined ? Math.max(cycle.start, now) : addDuration(now, cycle.period);
	return { k: 't', e: element, due: first, rep: cycle.repetitions < 0 ? -1 : cycle.repetitions - 1, per: period };
}

/**
 * The deadline of a user task (`potok:task due`): an ISO 8601 duration from now, or an expression
 * giving either a duration from now or the date and time itself
 * (`=date and time(callback_at) - duration("PT1H")`).
 */
export function scheduleDeadline(value: string, expression: Expression | undefined, element: string, now: number, vars: VariableSource): number {
	const result = expression ? expression.evaluate(vars) : value;
	const text = result instanceof FeelDateTime || result instanceof FeelDuration ? String(result) : result;
	if (typeof text === 'string') {
		const duration = parseDuration(text);
		if (duration) return addDuration(now, duration);
		const at = parseDateTime(text);
		if (at !== undefined) return at;
	}
	if (!expression) throw new ModelError(`Deadline of ${element}: \`${value}\` is not an ISO 8601 duration`);
	throw new ExpressionError(expression.source, `expected a date and time or a duration, but it was ${JSON.stringify(text ?? null)}`);
}

/** The next firing of a cycle, or undefined when the repetitions are used up. */
export function nextCycle(wait: Wait): Wait | undefined {
	if (wait.per === undefined || wait.rep === undefined || wait.rep === 0 || wait.due === undefined) return undefined;
	const period = parseDuration(wait.per);
	if (!period) return undefined;
	return { ...wait, due: addDuration(wait.due, period), rep: wait.rep < 0 ? -1 : wait.rep - 1 };
}

function timerText(event: TimerEvent, vars: VariableSource): string {
	const expression = event.expression;
	if (!expression) return event.value;
	const value = expression.evaluate(vars);
	if (typeof value === 'string') return value;
	if (value instanceof FeelDateTime || value instanceof FeelDuration) {
		const iso = String(value);
		return value instanceof FeelDuration && event.kind === 'cycle' ? `R1/${iso}` : iso;
	}
	throw new ExpressionError(expression.source, `expected a date and time, a duration or ISO 8601 text, but it was ${JSON.stringify(value ?? null)}`);
}
