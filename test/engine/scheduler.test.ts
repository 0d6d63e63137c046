import { describe, expect, it } from 'vitest';
import { RobotBusinessError, Scheduler } from '../../src/lib/engine';
import { Scenario } from './harness';

describe('the scheduler', () => {
	it('runs due robot jobs with their handler and continues the process with the result', async () => {
		const s = await Scenario.load('robot-job.bpmn');
		await s.start('greet', { client: { email: 'anna@example.com' } });
		const sent: unknown[] = [];
		const scheduler = new Scheduler(s.engine, { robots: { 'send-message': async (job) => (sent.push(job.inputs), { delivered: true }) } });

		expect(await s.run(() => scheduler.tick())).toEqual({ timers: 0, jobs: 1 });

		expect(sent).toEqual([{ channel: 'email', to: 'anna@example.com' }]);
		expect(s.status()).toBe('completed');
		expect(s.variables()).toMatchObject({ delivered: true });
	});

	it('fails a job whose robot throws and retries it only after the backoff', async () => {
		const s = await Scenario.load('robot-job.bpmn');
		await s.start('greet', { client: { email: 'a@b.c' } });
		let calls = 0;
		const scheduler = new Scheduler(s.engine, { robots: { 'send-message': async () => { calls++; throw new Error('smtp down'); } } });
		await s.run(() => scheduler.tick());
		await s.run(() => scheduler.tick());
		expect(calls).toBe(1);
		s.clock.advance(10_000);
		await s.run(() => scheduler.tick());
		expect(calls).toBe(2);
		expect(s.take().filter((l) => l.startsWith('incident') || l.startsWith('failed'))).toEqual(['failed:send_greeting', 'failed:send_greeting', 'incident:send_greeting']);
	});

	it('turns a robot business error into a BPMN error for the boundary event', async () => {
		const s = await Scenario.load('robot-job.bpmn');
		await s.start('greet', { client: { email: 'a@b.c' } });
		const scheduler = new Scheduler(s.engine, { robots: { 'send-message': async () => { throw new RobotBusinessError('BOUNCED'); } } });
		await s.run(() => scheduler.tick());
		expect(s.take().slice(-4)).toEqual(['flow:f3', 'activated:bounced_end', 'completed:bounced_end', 'instance:completed']);
	});

	it('fires each due timer once even when two schedulers share the store', async () => {
		const s = await Scenario.load('boundary-timer.bpmn');
		for (let i = 0; i < 20; i++) await s.start('call_deadline');
		s.clock.advance(24 * 3_600_000);
		const [a, b] = [new Scheduler(s.engine), new Scheduler(s.engine)];

		const [ta, tb] = await s.run(() => Promise.all([a.tick(), b.tick()]));

		expect(ta.timers + tb.timers).toBe(40); // per instance: the first hourly reminder and the deadline
		expect(s.store.history.filter((r) => r.event === 'element.activated' && r.element === 'one_day_passed')).toHaveLength(20);
		expect(s.store.history.filter((r) => r.event === 'element.activated' && r.element === 'escalate')).toHaveLength(20);
	});
});
