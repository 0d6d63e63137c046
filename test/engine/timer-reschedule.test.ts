import { describe, expect, it } from 'vitest';
import { fireTimer } from '../../src/lib/engine/commands/fire-timer';
import { Scenario } from './harness';

const MEETING = { meeting_at: '2026-01-03T10:00:00Z', offer_until: '2026-02-01T00:00:00Z' };

/** When a timer of an element falls due, as ISO text (undefined when there is none). */
function due(s: Scenario, elementId: string): string | undefined {
	const timer = [...s.store.timers.values()].find((t) => t.elementId === elementId);
	return timer && new Date(timer.dueAt).toISOString();
}

async function meetingDeal(): Promise<Scenario> {
	const s = await Scenario.load('timer-reschedule.bpmn');
	await s.start('meeting_deal', { record: MEETING, patience_hours: 100 });
	s.take();
	return s;
}

describe('re-evaluating expression timers after the data they read changed', () => {
	it('moves a boundary reminder when the meeting moves a day later: it does not fire at the old time, it fires at the new one', async () => {
		const s = await meetingDeal();
		expect(due(s, 'hour_before_meeting')).toBe('2026-01-03T09:00:00.000Z');
		await s.advance('PT1H');

		const moved = await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, meeting_at: '2026-01-04T10:00:00Z' } }));

		expect(moved.value).toBe(1);
		expect(s.take()).toEqual(['variables:meeting_deal', 'rescheduled:hour_before_meeting', 'rescheduled:hold_meeting']);
		expect(s.store.history.at(-2)).toMatchObject({ event: 'timer.rescheduled', element: 'hour_before_meeting', elementType: 'bpmn:BoundaryEvent', token: 3, message: '2026-01-04T09:00:00.000Z' });
		expect(due(s, 'hour_before_meeting')).toBe('2026-01-04T09:00:00.000Z');
		await s.advance('P2DT8H30M');
		expect(s.store.history.filter((r) => r.event === 'timer.rescheduled').map((r) => r.message)).toEqual(['2026-01-04T09:00:00.000Z']);
		expect(s.take().filter((l) => !l.endsWith('every_day') && !l.includes('daily_end') && !l.startsWith('flow:f5'))).toEqual([]);
		expect(s.waiting()).toEqual(['hold_meeting']);
		await s.advance('PT23H30M');
		expect(s.take()).toEqual(['activated:hour_before_meeting', 'completed:hour_before_meeting', 'flow:f3', 'activated:remind_manager']);
		expect(s.waiting()).toEqual(['hold_meeting', 'remind_manager']);
	});

	it('takes a duration again from the moment the wait opened, and a time already past fires on the next tick', async () => {
		const s = await meetingDeal();
		await s.advance('PT5H');
		expect(due(s, 'patience_over')).toBe('2026-01-05T04:00:00.000Z');

		await s.run((e) => e.reevaluateTimers('1', { patience_hours: 10 }));
		expect(due(s, 'patience_over')).toBe('2026-01-01T10:00:00.000Z');
		await s.run((e) => e.reevaluateTimers('1', { patience_hours: 2 }));
		expect(due(s, 'patience_over')).toBe('2026-01-01T02:00:00.000Z');
		s.take();

		await s.run((e) => e.fireDueTimers());
		expect(s.take()).toEqual(['terminated:hold_meeting', 'activated:patience_over', 'completed:patience_over', 'flow:f4', 'activated:gave_up_end', 'completed:gave_up_end', 'instance:completed']);
	});

	it('moves the timer start of an event subprocess and a timer after an event-based gateway', async () => {
		const s = await meetingDeal();
		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, offer_until: '2026-01-10T00:00:00Z' } }));
		expect(s.take()).toEqual(['variables:meeting_deal', 'rescheduled:offer_valid_until']);
		expect(due(s, 'offer_valid_until')).toBe('2026-01-10T00:00:00.000Z');

		const id = await s.start('wait_for_client', { record: { call_at: '2026-01-02T12:00:00Z' } });
		s.take();
		await s.run((e) => e.reevaluateTimers(id, { record: { call_at: '2026-01-01T12:00:00Z' } }));
		expect(s.take()).toEqual([`${id} variables:wait_for_client`, `${id} rescheduled:call_at`]);
		await s.advance('PT12H');
		expect(s.take()).toContain(`${id} completed:call_at`);
		expect(s.status(id)).toBe('completed');
	});

	it('leaves literal timers and cycles alone, and writes nothing when no due time changed', async () => {
		const s = await meetingDeal();
		const before = new Map([...s.store.timers.values()].map((t) => [t.elementId, t.dueAt]));

		const result = await s.run((e) => e.reevaluateTimers('1'));

		expect(result.value).toBe(0);
		expect(result.records).toEqual([]);
		expect(s.take()).toEqual([]);
		expect(new Map([...s.store.timers.values()].map((t) => [t.elementId, t.dueAt]))).toEqual(before);
		expect(s.store.instances.get('1')?.version).toBe(1);
	});

	it('turns a FEEL error into an incident on the waiting task, which stays open; a later evaluation that works resolves it', async () => {
		const s = await meetingDeal();

		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, meeting_at: null } }));

		expect(s.take()).toEqual(['variables:meeting_deal', 'incident:hour_before_meeting']);
		expect(s.store.history.at(-1)?.message).toMatch(/^Timer hour_before_meeting: Expression `=record\.meeting_at - duration\("PT1H"\)` failed/);
		expect(due(s, 'hour_before_meeting')).toBeUndefined();
		expect([...s.store.tasks.values()].map((t) => t.elementId)).toEqual(['hold_meeting']);
		expect(s.incident('hold_meeting')).toBe(3);

		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, meeting_at: '2026-01-05T10:00:00Z' } }));

		expect(s.take()).toEqual(['variables:meeting_deal', 'rescheduled:hour_before_meeting', 'resolved:hour_before_meeting', 'rescheduled:hold_meeting']);
		expect(due(s, 'hour_before_meeting')).toBe('2026-01-05T09:00:00.000Z');
		expect(s.store.instances.get('1')?.state.tokens.some((t) => t.inc)).toBe(false);
	});

	it('resolves a timer incident by evaluating again with the variables given; the task can be completed meanwhile', async () => {
		const s = await meetingDeal();
		await s.run((e) => e.reevaluateTimers('1', { record: { meeting_at: 'soon' } }));
		s.take();

		await s.run((e) => e.resolveIncident('1', 3, { record: { ...MEETING } }));
		expect(s.take()).toEqual(['variables:hold_meeting', 'rescheduled:hour_before_meeting', 'resolved:hour_before_meeting']);
		expect(due(s, 'hour_before_meeting')).toBe('2026-01-03T09:00:00.000Z');

		await s.run((e) => e.reevaluateTimers('1', { record: { meeting_at: null } }));
		s.take();
		await s.complete('hold_meeting');
		expect(s.take()).toEqual(['completed:hold_meeting', 'flow:f2', 'activated:held_end', 'completed:held_end', 'instance:completed']);
	});

	it('moves the deadline of the waiting task when it is an expression of the changed data, and keeps it when that fails', async () => {
		const s = await meetingDeal();
		const deadline = () => [...s.store.tasks.values()].find((t) => t.elementId === 'hold_meeting')?.dueAt;
		expect(deadline()).toBe(Date.parse('2026-01-03T10:00:00Z'));

		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, meeting_at: '2026-01-06T15:00:00Z' } }));

		expect(s.store.history.at(-1)).toMatchObject({ event: 'deadline.rescheduled', element: 'hold_meeting', token: 3, message: '2026-01-06T15:00:00.000Z' });
		expect(deadline()).toBe(Date.parse('2026-01-06T15:00:00Z'));
		s.take();
		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, meeting_at: null } }));
		expect(s.take()).toEqual(['variables:meeting_deal', 'incident:hour_before_meeting']);
		expect(deadline()).toBe(Date.parse('2026-01-06T15:00:00Z'));
	});

	it('does not open again a failed event-subprocess timer once an interrupting event subprocess closed it', async () => {
		const s = await meetingDeal();
		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, offer_until: null } }));
		expect(s.take()).toEqual(['variables:meeting_deal', 'incident:offer_valid_until']);
		expect(s.incident('meeting_deal')).toBe(1);
		await s.message('deal.cancelled');
		expect(s.waiting()).toEqual(['confirm_cancel']);
		s.take();

		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING } }));

		expect(s.take()).toEqual(['variables:meeting_deal', 'resolved:offer_valid_until']);
		expect(due(s, 'offer_valid_until')).toBeUndefined();
	});

	it('does not fire a timer claimed just before it was moved later; its row keeps the new time', async () => {
		const s = await meetingDeal();
		s.clock.set(Date.parse('2026-01-03T09:00:00Z'));
		const now = s.clock.now();
		const claimed = await s.engine.store.transaction((tx) => tx.claimDueTimers(now, 10, now + 30_000));
		const reminder = claimed.find((t) => t.elementId === 'hour_before_meeting')!;
		expect(reminder).toBeDefined();

		await s.run((e) => e.reevaluateTimers('1', { record: { ...MEETING, meeting_at: '2026-01-04T10:00:00Z' } }));
		s.take();
		const fired = await s.run((e) => e.command((uow) => fireTimer(uow, reminder)));

		expect(fired.value).toBe('moved');
		expect(s.take()).toEqual([]);
		expect(due(s, 'hour_before_meeting')).toBe('2026-01-04T09:00:00.000Z');
	});

	it('refuses an instance that is not there or no longer runs', async () => {
		const s = await meetingDeal();
		await expect(s.run((e) => e.reevaluateTimers('404'))).rejects.toMatchObject({ code: 'instance-not-found' });
		await s.run((e) => e.cancelInstance('1'));
		await expect(s.run((e) => e.reevaluateTimers('1'))).rejects.toMatchObject({ code: 'instance-not-active' });
	});
});
