import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

const started = ['instance:started', 'activated:start', 'completed:start'];

describe('timer catch events', () => {
	it('waits for a duration, then a date, then a date computed from a variable by FEEL', async () => {
		const s = await Scenario.load('timer-catch.bpmn');
		await s.start('timers', { meeting_at: '2026-03-10T12:00:00Z' });
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:wait_hour']);
		await s.advance('PT59M');
		expect(s.take()).toEqual([]);

		await s.advance('PT1M');
		expect(s.take()).toEqual(['completed:wait_hour', 'flow:f2', 'activated:wait_until_march']);
		expect([...s.store.timers.values()].map((t) => new Date(t.dueAt).toISOString())).toEqual(['2026-03-01T09:00:00.000Z']);

		await s.advance('P60D');
		expect(s.take()).toEqual(['completed:wait_until_march', 'flow:f3', 'activated:before_meeting']);
		expect([...s.store.timers.values()].map((t) => new Date(t.dueAt).toISOString())).toEqual(['2026-03-10T11:00:00.000Z']);

		await s.advance('P9D');
		expect(s.take()).toEqual(['completed:before_meeting', 'flow:f4', 'activated:end', 'completed:end', 'instance:completed']);
	});
});

describe('timers relative to a record field', () => {
	it('reads a datetime field of the record as a FEEL date and time (remind one hour before the meeting)', async () => {
		const s = await Scenario.load('meeting-reminder.bpmn');
		await s.start('meeting_reminder', { record: { id: 'deal-7', meeting_at: '2026-01-05T15:00:00+03:00' } });
		expect([...s.store.timers.values()].map((t) => new Date(t.dueAt).toISOString())).toEqual(['2026-01-05T11:00:00.000Z']);
		await s.advance('P4DT11H');
		expect(s.waiting()).toEqual(['remind_manager']);
	});
});

describe('messages', () => {
	it('correlates a message only to the instance whose correlation key matches', async () => {
		const s = await Scenario.load('message-catch.bpmn');
		await s.start('wait_payment', { orderId: 42 });
		s.take();
		expect((await s.message('payment.received', '41')).value.outcome).toBe('buffered');
		expect(s.take()).toEqual([]);

		const result = await s.message('payment.received', '42', { sum: 5 });

		expect(result.value).toEqual({ outcome: 'correlated', instanceId: '1' });
		expect(s.take()).toEqual(['variables:payment_received', 'completed:payment_received', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
		expect(s.variables()).toEqual({ orderId: 42, sum: 5 });
	});

	it('buffers a message that arrives before anyone waits and delivers it when the subscription opens', async () => {
		const s = await Scenario.load('message-catch.bpmn');
		await s.message('payment.received', '7', { sum: 9 });
		await s.start('wait_payment', { orderId: 7 });
		expect(s.take()).toEqual([
			...started, 'flow:f1', 'activated:payment_received', 'variables:payment_received', 'completed:payment_received',
			'flow:f2', 'activated:end', 'completed:end', 'instance:completed'
		]);
		expect(s.store.bufferedMessages.size).toBe(0);
	});

	it('forgets a buffered message once its time to live has passed', async () => {
		const s = await Scenario.load('message-catch.bpmn');
		await s.message('payment.received', '7', { sum: 9 }, 'PT10M');
		await s.advance('PT11M');
		await s.start('wait_payment', { orderId: 7 });
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:payment_received']);
		expect(s.waiting()).toEqual(['payment_received']);
	});

	it('completes a receive task with the message and its variables', async () => {
		const s = await Scenario.load('receive-task.bpmn');
		await s.start('wait_form');
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:receive_form']);
		await s.message('form.submitted', undefined, { name: 'Ivan' });
		expect(s.take()).toEqual(['variables:receive_form', 'completed:receive_form', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
	});

	it('starts an instance at a message start event, with the message variables', async () => {
		const s = await Scenario.load('message-start.bpmn');
		const result = await s.message('form.submitted', 'lead-1', { name: 'Anna' });
		expect(result.value).toEqual({ outcome: 'started', instanceIds: ['1'] });
		expect(s.take()).toEqual(['instance:started', 'activated:form_submitted', 'completed:form_submitted', 'flow:f1', 'activated:qualify']);
		expect(s.variables()).toEqual({ correlationKey: 'lead-1', name: 'Anna' });
	});
});

describe('signals', () => {
	it('broadcasts a thrown signal to every waiting instance and starts the processes with a signal start', async () => {
		const s = await Scenario.load('signals.bpmn');
		await s.start('listener');
		await s.start('listener');
		s.take();

		await s.start('announcer');

		expect(s.take()).toEqual([
			'3 instance:started', '3 activated:announce_start', '3 completed:announce_start', '3 flow:a1',
			'3 activated:announce_price', '3 completed:announce_price', '3 flow:a2', '3 activated:announce_end', '3 completed:announce_end', '3 instance:completed',
			'completed:price_changed', 'flow:f2', '2 completed:price_changed', '2 flow:f2', '4 instance:started',
			'activated:end', 'completed:end', 'instance:completed', '2 activated:end', '2 completed:end', '2 instance:completed',
			'4 activated:price_signal_start', '4 completed:price_signal_start', '4 flow:s1', '4 activated:review_prices'
		]);
	});

	it('delivers a signal broadcast from outside to a catch event', async () => {
		const s = await Scenario.load('signals.bpmn');
		await s.start('listener');
		s.take();
		const result = await s.signal('price.changed');
		expect(result.value).toBe(2);
		expect(s.status('1')).toBe('completed');
		expect(s.waiting()).toEqual(['review_prices']);
	});
});

describe('timer start events', () => {
	it('starts an instance on each of the three repetitions of R3/PT1H and then stops', async () => {
		const s = await Scenario.load('timer-start-cycle.bpmn');
		await s.advance('PT5H');
		const run = (id: string) => {
			const p = id === '1' ? '' : `${id} `;
			return ['instance:started', 'activated:every_hour', 'completed:every_hour', 'flow:f1', 'activated:end', 'completed:end', 'instance:completed'].map((l) => p + l);
		};
		expect(s.take()).toEqual([...run('1'), ...run('2'), ...run('3')]);
		expect(s.store.history.filter((r) => r.event === 'instance.started').map((r) => new Date(r.at).toISOString())).toEqual([
			'2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z', '2026-01-01T03:00:00.000Z'
		]);
		expect(s.store.timers.size).toBe(0);
	});
});
