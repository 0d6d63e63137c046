import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

describe('multi-instance', () => {
	it('runs parallel iterations and stops at the completion condition, terminating the rest', async () => {
		const s = await Scenario.load('multi-instance.bpmn');
		await s.start('approvals');
		expect(s.take()).toEqual([
			'instance:started', 'activated:start', 'completed:start', 'flow:f1', 'activated:approve[mi]', 'activated:approve', 'activated:approve', 'activated:approve'
		]);
		await s.complete('approve');
		expect(s.take()).toEqual(['completed:approve']);

		await s.complete('approve');

		expect(s.take()).toEqual(['completed:approve', 'terminated:approve', 'completed:approve[mi]', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
	});

	it('runs sequential iterations over a collection with the element variable and loop counter', async () => {
		const s = await Scenario.load('multi-instance.bpmn');
		await s.start('call_each', { contacts: ['anna', 'boris'] });
		expect(s.take()).toEqual(['instance:started', 'activated:each_start', 'completed:each_start', 'flow:e1', 'activated:call_contact[mi]', 'activated:call_contact']);
		const iteration = () => s.store.instances.get('1')?.state.tokens.find((t) => t.it)?.v;
		expect(iteration()).toEqual({ loopCounter: 1, contact: 'anna' });

		await s.complete('call_contact');
		expect(s.take()).toEqual(['completed:call_contact', 'activated:call_contact']);
		expect(iteration()).toEqual({ loopCounter: 2, contact: 'boris' });

		await s.complete('call_contact');
		expect(s.take()).toEqual(['completed:call_contact', 'completed:call_contact[mi]', 'flow:e2', 'activated:each_end', 'completed:each_end', 'instance:completed']);
	});

	it('exposes nrOfInstances, nrOfCompletedInstances and nrOfActiveInstances on the body', async () => {
		const s = await Scenario.load('multi-instance.bpmn');
		await s.start('call_each', { contacts: ['a', 'b', 'c'] });
		await s.complete('call_contact');
		const body = s.store.instances.get('1')?.state.tokens.find((t) => t.mi);
		expect(body?.v).toEqual({ nrOfInstances: 3, nrOfCompletedInstances: 1, nrOfActiveInstances: 1 });
	});

	it('completes at once over an empty collection', async () => {
		const s = await Scenario.load('multi-instance.bpmn');
		await s.start('call_each', { contacts: [] });
		expect(s.take()).toEqual(['instance:started', 'activated:each_start', 'completed:each_start', 'flow:e1', 'activated:call_contact[mi]', 'completed:call_contact[mi]', 'flow:e2', 'activated:each_end', 'completed:each_end', 'instance:completed']);
	});

	it('raises an incident when the collection is not a list', async () => {
		const s = await Scenario.load('multi-instance.bpmn');
		await s.start('call_each', { contacts: 'anna' });
		expect(s.take().at(-1)).toBe('incident:call_contact[mi]');
		expect(s.store.history.at(-1)?.message).toBe('Expression `=contacts` must give a list, but gave "anna"');
	});

	it('runs a parallel multi-instance subprocess, one scope per item', async () => {
		const s = await Scenario.load('multi-instance.bpmn');
		await s.start('parallel_sub', { items: [1, 2] });
		expect(s.take()).toEqual([
			'instance:started', 'activated:ps_start', 'completed:ps_start', 'flow:p1', 'activated:per_item[mi]', 'activated:per_item', 'activated:per_item',
			'activated:item_start', 'completed:item_start', 'flow:i1', 'activated:item_start', 'completed:item_start', 'flow:i1', 'activated:pick_item', 'activated:pick_item'
		]);
		await s.complete('pick_item');
		await s.complete('pick_item');
		expect(s.take()).toEqual([
			'completed:pick_item', 'flow:i2', 'activated:item_end', 'completed:item_end', 'completed:per_item',
			'completed:pick_item', 'flow:i2', 'activated:item_end', 'completed:item_end', 'completed:per_item',
			'completed:per_item[mi]', 'flow:p2', 'activated:ps_end', 'completed:ps_end', 'instance:completed'
		]);
	});
});

describe('standard loop', () => {
	it('runs the activity again while the loop condition holds', async () => {
		const s = await Scenario.load('standard-loop.bpmn');
		await s.start('retry_call');
		s.take();
		await s.complete('call_again', { reached: false });
		expect(s.take()).toEqual(['variables:call_again', 'completed:call_again', 'activated:call_again']);
		await s.complete('call_again', { reached: true });
		expect(s.take()).toEqual(['variables:call_again', 'completed:call_again', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
	});

	it('stops at the loop maximum even when the condition still holds', async () => {
		const s = await Scenario.load('standard-loop.bpmn');
		await s.start('retry_call', { reached: false });
		for (let i = 0; i < 5; i++) await s.complete('call_again');
		expect(s.take().filter((l) => l === 'activated:call_again')).toHaveLength(5);
		expect(s.status()).toBe('completed');
	});
});
