import { nextCycle } from '../behaviors/timers';
import { triggerWait } from '../behaviors/triggers';
import { addDuration, parseDuration } from '../iso-time';
import type { TimerRow } from '../store';
import type { UnitOfWork } from '../runtime/unit-of-work';

/** What became of a claimed timer: fired, gone (a stale row, dropped) or moved to later. */
export type TimerOutcome = 'fired' | 'stale' | 'moved';

/**
 * Fires one claimed timer: a wait of an instance (catch event, boundary, event subprocess,
 * event-based gateway) or a timer start event of a definition, which starts an instance and
 * schedules the cycle's next firing.
 */
export async function fireTimer(uow: UnitOfWork, timer: TimerRow): Promise<TimerOutcome> {
	if (timer.instanceId !== undefined && timer.tokenId !== undefined) {
		const rt = await uow.load(timer.instanceId);
		const token = rt?.token(timer.tokenId);
		const wait = token?.w?.find((w) => w.k === 't' && w.e === timer.elementId);
		if (!rt || !token || !wait || rt.state.st !== 'active') return 'stale';
		// rescheduled to later after it was claimed: its row already carries the new time
		if (wait.due !== undefined && wait.due !== timer.dueAt && wait.due > uow.now) return 'moved';
		triggerWait(rt, token, wait, undefined);
		return 'fired';
	}
	if (!timer.definitionKey) return 'stale';
	const def = await uow.definition(timer.definitionKey);
	const start = def.elements.get(timer.elementId);
	if (!start || start.event.type !== 'timer') return 'stale';
	const period = start.event.kind === 'cycle' ? start.event.value.slice(start.event.value.lastIndexOf('/') + 1) : undefined;
	const next =
		period && parseDuration(period)
			? nextCycle({ k: 't', e: start.id, due: timer.dueAt, rep: timer.repetitions ?? 0, per: period })
			: undefined;
	if (next?.due !== undefined) {
		uow.changes.timers.put.push({ ...timer, dueAt: next.due, repetitions: next.rep ?? 0 });
	} else uow.changes.timers.remove.push(timer.id);
	await uow.createInstance(def, start, {});
	return 'fired';
}

/** Backoff before a failed job's next attempt: 10 s, 20 s, 40 s … capped at one hour. */
export function jobBackoff(now: number, attempt: number): number {
	return addDuration(now, { years: 0, months: 0, weeks: 0, days: 0, ms: Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempt)) });
}
