import { compileExpression, ExpressionError } from '../expression';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import { ModelError } from './incidents';
import { scheduleDeadline } from './timers';

/**
 * Moving the deadlines of waiting user tasks whose `potok:task due` is an expression
 * (`=record.meeting_at`) when what it reads has changed: a date again, a duration again from
 * when the task opened. Each moved deadline is a `deadline.rescheduled` record. A deadline that
 * can no longer be computed keeps its old value: the task is already open, and the timers that
 * read the same data raise the incident that names the problem.
 */
export function rescheduleDeadlines(rt: InstanceRuntime): number {
	let moved = 0;
	for (const token of rt.state.tokens) {
		if (token.s !== 'w' || token.due === undefined) continue;
		const element = rt.def.elements.get(token.el);
		const value = element?.kind === 'userTask' ? element.potok?.task?.due?.trim() : undefined;
		if (!element || !value?.startsWith('=')) continue;
		let due: number;
		try {
			due = scheduleDeadline(value, compileExpression(value), element.id, token.at, rt.vars(token));
		} catch (error) {
			if (error instanceof ExpressionError || error instanceof ModelError) continue;
			throw error;
		}
		if (due === token.due) continue;
		token.due = due;
		rt.record('deadline.rescheduled', token, { message: new Date(due).toISOString() });
		moved++;
	}
	return moved;
}
