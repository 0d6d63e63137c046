import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

describe('robot jobs', () => {
	it('waits at a task with a robot until its job completes, with the inputs evaluated', async () => {
		const s = await Scenario.load('robot-job.bpmn');
		await s.start('greet', { client: { email: 'anna@example.com' } });
		expect(s.take()).toEqual(['instance:started', 'activated:start', 'completed:start', 'flow:f1', 'activated:send_greeting']);
		const [job] = await s.run((e) => e.activateJobs('send-message'));
		expect(job).toMatchObject({ id: '1/3', type: 'send-message', retries: 2, inputs: { channel: 'email', to: 'anna@example.com' } });
		expect(await s.run((e) => e.activateJobs('send-message'))).toEqual([]);

		await s.completeJob('send_greeting', { messageId: 'm1' });

		expect(s.take()).toEqual(['variables:send_greeting', 'completed:send_greeting', 'flow:f2', 'activated:sent_end', 'completed:sent_end', 'instance:completed']);
		expect(s.store.jobs.size).toBe(0);
	});

	it('retries a failing job after a backoff, then raises an incident that a retry resolves', async () => {
		const s = await Scenario.load('robot-job.bpmn');
		await s.start('greet', { client: { email: 'a@b.c' } });
		s.take();
		await s.failJob('send_greeting', 'smtp down');
		expect(s.take()).toEqual(['failed:send_greeting']);
		expect([...s.store.jobs.values()].map((j) => [j.retries, new Date(j.dueAt).toISOString()])).toEqual([[1, '2026-01-01T00:00:10.000Z']]);

		await s.failJob('send_greeting', 'smtp down');
		expect(s.take()).toEqual(['failed:send_greeting', 'incident:send_greeting']);
		expect(s.store.history.at(-1)?.message).toBe('Robot send-message failed: smtp down');
		expect(s.store.jobs.size).toBe(0);

		await s.run((e) => e.resolveIncident('1', s.incident('send_greeting')));
		expect(s.take()).toEqual(['resolved:send_greeting']);
		await s.completeJob('send_greeting');
		expect(s.take()).toEqual(['completed:send_greeting', 'flow:f2', 'activated:sent_end', 'completed:sent_end', 'instance:completed']);
	});

	it('throws a business error reported by the robot to the error boundary of the task', async () => {
		const s = await Scenario.load('robot-job.bpmn');
		await s.start('greet', { client: { email: 'a@b.c' } });
		s.take();
		await s.throwJobError('send_greeting', 'BOUNCED');
		expect(s.take()).toEqual(['terminated:send_greeting', 'activated:bounced', 'completed:bounced', 'flow:f3', 'activated:bounced_end', 'completed:bounced_end', 'instance:completed']);
	});
});
