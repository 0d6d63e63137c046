import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

describe('boundary events', () => {
	it('fires a non-interrupting timer cycle R3/PT1H three times while the task keeps waiting', async () => {
		const s = await Scenario.load('boundary-timer.bpmn');
		await s.start('call_deadline');
		s.take();
		await s.advance('PT3H');
		const remind = ['activated:remind_hourly', 'completed:remind_hourly', 'flow:f4', 'activated:reminded_end', 'completed:reminded_end'];
		expect(s.take()).toEqual([...remind, ...remind, ...remind]);
		expect(s.waiting()).toEqual(['call_client']);
	});

	it('interrupts the task when the interrupting timer falls due', async () => {
		const s = await Scenario.load('boundary-timer.bpmn');
		await s.start('call_deadline');
		await s.advance('PT23H');
		s.take();
		await s.advance('PT1H');
		expect(s.take()).toEqual(['terminated:call_client', 'activated:one_day_passed', 'completed:one_day_passed', 'flow:f3', 'activated:escalate']);
		expect(s.store.timers.size).toBe(0);
	});

	it('removes the boundary timers when the task completes first', async () => {
		const s = await Scenario.load('boundary-timer.bpmn');
		await s.start('call_deadline');
		s.take();
		await s.complete('call_client');
		expect(s.take()).toEqual(['completed:call_client', 'flow:f2', 'activated:called_end', 'completed:called_end', 'instance:completed']);
		expect(s.store.timers.size).toBe(0);
	});

	it('runs a non-interrupting message boundary beside the task, then an interrupting one ends the task', async () => {
		const s = await Scenario.load('boundary-message-signal.bpmn');
		await s.start('order');
		s.take();
		await s.message('client.wrote');
		expect(s.take()).toEqual(['activated:client_wrote', 'completed:client_wrote', 'flow:f4', 'activated:answer_client']);
		expect(s.waiting()).toEqual(['answer_client', 'ship_order']);

		await s.message('order.cancelled');

		expect(s.take()).toEqual(['terminated:ship_order', 'activated:order_cancelled', 'completed:order_cancelled', 'flow:f3', 'activated:cancelled_end', 'completed:cancelled_end']);
		expect(s.waiting()).toEqual(['answer_client']);
	});

	it('interrupts the task on a signal boundary event', async () => {
		const s = await Scenario.load('boundary-message-signal.bpmn');
		await s.start('order');
		s.take();
		await s.signal('sales.stopped');
		expect(s.take()).toEqual(['terminated:ship_order', 'activated:sales_stopped', 'completed:sales_stopped', 'flow:f5', 'activated:stopped_end', 'completed:stopped_end', 'instance:completed']);
		expect(s.store.messageSubscriptions.size).toBe(0);
	});

	it('interrupts a whole subprocess, children first, when its timer boundary falls due', async () => {
		const s = await Scenario.load('subprocess.bpmn');
		await s.start('onboarding');
		s.take();
		await s.advance('P7D');
		expect(s.take()).toEqual(['terminated:request_passport', 'terminated:collect_documents', 'activated:week_passed', 'completed:week_passed', 'flow:f4', 'activated:late_end', 'completed:late_end', 'instance:completed']);
	});
});
