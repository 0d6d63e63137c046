import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

describe('start, end and tasks', () => {
	it('runs a none start event straight to a none end event and completes the instance', async () => {
		// given
		const s = await Scenario.load('none-start-end.bpmn');
		// when
		await s.start('hello');
		// then
		expect(s.take()).toEqual([
			'instance:started', 'activated:start', 'completed:start', 'flow:to_end', 'activated:end', 'completed:end', 'instance:completed'
		]);
		expect(s.status()).toBe('completed');
	});

	it('waits at a user task until a person completes it', async () => {
		const s = await Scenario.load('user-task.bpmn');
		await s.start('call_lead');
		expect(s.take()).toEqual(['instance:started', 'activated:lead_arrived', 'completed:lead_arrived', 'flow:to_call', 'activated:call_lead_task']);
		expect(s.waiting()).toEqual(['call_lead_task']);

		await s.complete('call_lead_task', { reached: true });

		expect(s.take()).toEqual([
			'variables:call_lead_task', 'completed:call_lead_task', 'flow:to_done', 'activated:lead_called', 'completed:lead_called', 'instance:completed'
		]);
		expect(s.variables()).toEqual({ reached: true });
	});

	it('refuses to complete a user task twice with an "already completed" error', async () => {
		const s = await Scenario.load('user-task.bpmn');
		await s.start('call_lead');
		const token = s.store.instances.get('1')?.state.tokens.find((t) => t.el === 'call_lead_task')?.id ?? 0;
		await s.run((e) => e.completeTask({ instanceId: '1', tokenId: token }));

		await expect(s.run((e) => e.completeTask({ instanceId: '1', tokenId: token }))).rejects.toThrow(/already completed/);
	});

	it('completes plain, manual, service and send tasks without a robot at once', async () => {
		const s = await Scenario.load('immediate-tasks.bpmn');
		await s.start('chain');
		expect(s.take()).toEqual([
			'instance:started', 'activated:start', 'completed:start',
			'flow:f1', 'activated:plain_task', 'completed:plain_task',
			'flow:f2', 'activated:manual_task', 'completed:manual_task',
			'flow:f3', 'activated:service_task', 'completed:service_task',
			'flow:f4', 'activated:send_task', 'completed:send_task',
			'flow:f5', 'activated:end', 'completed:end', 'instance:completed'
		]);
	});

	it('sets the entries of a FEEL script context and a result variable as process variables', async () => {
		const s = await Scenario.load('script-task.bpmn');
		await s.start('price', { price: 300, quantity: 4 });
		expect(s.take()).toEqual([
			'instance:started', 'activated:start', 'completed:start',
			'flow:f1', 'activated:compute_total', 'variables:compute_total', 'completed:compute_total',
			'flow:f2', 'activated:label', 'variables:label', 'completed:label',
			'flow:f3', 'activated:end', 'completed:end', 'instance:completed'
		]);
		expect(s.variables()).toEqual({ price: 300, quantity: 4, total: 1200, discounted: true, label: 'order of 1200' });
	});
});

describe('runaway protection', () => {
	it('turns a loop without a wait state into an incident once the step budget is spent', async () => {
		const s = await Scenario.load('runaway-loop.bpmn', { stepBudget: 50 });
		await s.start('runaway');
		const records = s.take();
		expect(records.slice(-3)).toEqual(['completed:loop_merge', 'flow:to_spin', 'incident:spin']);
		expect(s.store.history.at(-1)?.message).toMatch(/Step budget of 50 exceeded/);
		expect(s.status()).toBe('active');
	});

	it('stops a signal that keeps starting new instances with the budget of the whole command', async () => {
		const s = await Scenario.load('signal-echo.bpmn', { stepBudget: 10 });
		await s.signal('ping');
		const incidents = s.store.history.filter((r) => r.event === 'incident.created');
		expect(incidents).toHaveLength(1);
		expect(incidents[0]?.element).toBe('ping_received');
		expect(s.store.instances.size).toBeLessThanOrEqual(100);
	});
});
