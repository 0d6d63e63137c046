import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

describe('potok stages, fields and outcomes', () => {
	it('records the stage when a token enters it', async () => {
		const s = await Scenario.load('stage-outcomes.bpmn');
		await s.start('lead_funnel');
		expect(s.take()).toEqual(['instance:started', 'activated:start', 'completed:start', 'flow:f1', 'activated:first_call', 'stage:first_call']);
	});

	it('opens a task row with stage, assignment and a deadline from potok:task due', async () => {
		const s = await Scenario.load('stage-outcomes.bpmn');
		await s.start('lead_funnel');
		expect([...s.store.tasks.values()]).toEqual([
			{
				id: '1/3', instanceId: '1', tokenId: 3, elementId: 'first_call', name: 'First call', createdAt: Date.parse('2026-01-01T00:00:00Z'),
				stage: 'first_call', assignment: { type: 'round-robin', group: 'sales' }, dueAt: Date.parse('2026-01-02T00:00:00Z')
			}
		]);
	});

	it.each([
		[{}, 'reached', 'first_call: the field phone is required'],
		[{ phone: '+7' }, 'maybe', 'first_call: outcome "maybe" is not one of reached, lost'],
		[{ phone: '+7' }, undefined, 'first_call: choose an outcome (reached, lost)'],
		[{ phone: '+7' }, 'lost', 'first_call: the field lost_reason is required']
	])('refuses to leave the stage with %j and outcome %s, changing nothing', async (variables, outcome, message) => {
		const s = await Scenario.load('stage-outcomes.bpmn');
		await s.start('lead_funnel');
		s.take();
		await expect(s.complete('first_call', variables, outcome)).rejects.toThrow(message);
		expect(s.take()).toEqual([]);
		expect(s.waiting()).toEqual(['first_call']);
	});

	it('records who completed the task', async () => {
		const s = await Scenario.load('stage-outcomes.bpmn');
		await s.start('lead_funnel');
		await s.run((e) => e.completeTask({ instanceId: '1', tokenId: 3, variables: { phone: '+7' }, outcome: 'reached' }, 'user:anna'));
		const completed = s.store.history.find((r) => r.event === 'element.completed' && r.element === 'first_call');
		expect(completed).toMatchObject({ actor: 'user:anna', at: Date.parse('2026-01-01T00:00:00Z') });
	});

	it('routes on the chosen outcome', async () => {
		const s = await Scenario.load('stage-outcomes.bpmn');
		await s.start('lead_funnel');
		s.take();
		await s.complete('first_call', { phone: '+7', lost_reason: 'price' }, 'lost');
		expect(s.take()).toEqual(['variables:first_call', 'completed:first_call', 'flow:f2', 'activated:which_outcome', 'completed:which_outcome', 'flow:to_lost', 'activated:lost_end', 'status:lost', 'completed:lost_end', 'instance:completed']);
		expect(s.variables()).toEqual({ phone: '+7', lost_reason: 'price', outcome: 'lost' });
	});
});
