import type { ExecElement } from '../compiler/executable';
import { ExpressionError } from '../expression';
import type { Token, Wait } from '../instance-state';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import { ModelError } from './incidents';
import { scheduleTimer } from './timers';
import { removeWait } from './waits';

/**
 * Moving waiting timers when what their expression reads has changed (a record's
 * `meeting_at` edited while a reminder an hour before it waits).
 *
 * - Only timers whose definition is an expression (`=record.meeting_at - duration("PT1H")`) move:
 *   dates are computed again, durations again from the moment the wait opened (the waiting
 *   token's creation). Cycles keep their rhythm: once one has fired there is no single "again".
 * - A timer whose new due time is already past is due: it fires on the scheduler's next tick.
 * - A FEEL error closes that timer's wait and becomes an incident (phase `timer`) on the token that
 *   waits — which keeps its status: a user task with a broken reminder can still be completed.
 *   The next successful evaluation (another edit, or resolving the incident) opens the wait
 *   again and resolves the incident.
 * - Every moved timer is a `timer.rescheduled` record.
 */

/** Evaluates again every expression timer of an instance; returns how many moved. */
export function rescheduleTimers(rt: InstanceRuntime): number {
	let moved = 0;
	for (const token of [...rt.state.tokens]) {
		// a token stopped by another incident is left as it was: resolving that one runs it again
		if (token.inc && token.inc.phase !== 'timer') continue;
		if (!token.w?.some((w) => w.k === 't') && !token.inc) continue;
		moved += rescheduleToken(rt, token);
	}
	return moved;
}

/** Evaluates again the expression timers a token waits for (or failed to wait for); returns how many moved. */
export function rescheduleToken(rt: InstanceRuntime, token: Token): number {
	const failedBefore = token.inc?.phase === 'timer' ? (token.inc.timers ?? []) : [];
	const ids = [...new Set([...(token.w ?? []).filter((w) => w.k === 't').map((w) => w.e), ...failedBefore])];
	const failed: { element: ExecElement; message: string }[] = [];
	let moved = 0;
	for (const id of ids) {
		const element = rt.def.elements.get(id);
		const event = element?.event;
		if (!element || event?.type !== 'timer' || !event.expression || event.kind === 'cycle') continue;
		const wait = token.w?.find((w) => w.k === 't' && w.e === id);
		// an interrupting event subprocess closed its siblings' waits since: nothing to open again
		if (!wait && element.parent?.kind === 'eventSubProcess' && interrupted(rt, token)) continue;
		let next: Wait;
		try {
			next = scheduleTimer(event, id, token.at, rt.vars(token));
		} catch (error) {
			if (!(error instanceof ExpressionError || error instanceof ModelError)) throw error;
			if (wait) removeWait(token, wait);
			failed.push({ element, message: `${timerName(element)}: ${error.message}` });
			continue;
		}
		if (wait?.due === next.due) continue;
		if (wait) wait.due = next.due;
		else (token.w ??= []).push(next);
		rt.record('timer.rescheduled', token, { element: id, elementType: element.type, message: new Date(next.due ?? 0).toISOString() });
		moved++;
	}
	settleIncident(rt, token, failed);
	return moved;
}

function settleIncident(rt: InstanceRuntime, token: Token, failed: { element: ExecElement; message: string }[]): void {
	const open = token.inc?.phase === 'timer' ? token.inc : undefined;
	if (failed.length === 0) {
		if (!open) return;
		delete token.inc;
		rt.record('incident.resolved', token, { ...about(rt, open.timers?.[0]), message: open.message });
		return;
	}
	const timers = failed.map((f) => f.element.id);
	if (open) {
		// still failing: the same incident, now naming what fails this time
		open.timers = timers;
		return;
	}
	const message = failed.map((f) => f.message).join('; ');
	token.inc = { phase: 'timer', message, timers };
	rt.record('incident.created', token, { ...about(rt, timers[0]), message });
}

/** Incident records name the timer event (the token is the one that waits for it). */
function about(rt: InstanceRuntime, timerId: string | undefined): { element?: string; elementType?: string } {
	const element = timerId === undefined ? undefined : rt.def.elements.get(timerId);
	return element ? { element: element.id, elementType: element.type } : {};
}

/** Whether an interrupting event subprocess runs in a scope. */
function interrupted(rt: InstanceRuntime, scope: Token): boolean {
	return rt.children(scope.id).some((child) => {
		const element = rt.def.elements.get(child.el);
		return element?.kind === 'eventSubProcess' && element.interrupting;
	});
}

function timerName(element: ExecElement): string {
	return element.name ? `Timer ${element.id} «${element.name}»` : `Timer ${element.id}`;
}
