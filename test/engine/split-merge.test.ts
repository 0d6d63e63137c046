import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

/** The split/merge combinations of the betsy conformance suite that the other files do not cover. */
describe('split and merge combinations', () => {
	it('OR split, XOR merge: what follows the merge runs once per branch taken', async () => {
		const s = await Scenario.load('split-merge-combinations.bpmn');
		await s.start('or_split_xor_merge', { left: true, right: true });
		expect(s.take()).toEqual([
			'instance:started', 'activated:a_start', 'completed:a_start', 'flow:a1', 'activated:a_split', 'completed:a_split', 'flow:a2', 'flow:a3',
			'activated:a_left', 'completed:a_left', 'flow:a4', 'activated:a_right', 'completed:a_right', 'flow:a5',
			'activated:a_merge', 'completed:a_merge', 'flow:a6', 'activated:a_merge', 'completed:a_merge', 'flow:a6', 'activated:a_after', 'activated:a_after'
		]);
	});

	it('XOR split, OR join: the join fires for the single branch without waiting for the other', async () => {
		const s = await Scenario.load('split-merge-combinations.bpmn');
		await s.start('xor_split_or_join', { left: true });
		s.take();
		await s.complete('b_left');
		expect(s.take()).toEqual(['completed:b_left', 'flow:b4', 'activated:b_join', 'completed:b_join', 'flow:b6', 'activated:b_end', 'completed:b_end', 'instance:completed']);
	});

	it('AND split, OR join: the join waits for both branches', async () => {
		const s = await Scenario.load('split-merge-combinations.bpmn');
		await s.start('and_split_or_join');
		s.take();
		await s.complete('c_right');
		expect(s.take()).toEqual(['completed:c_right', 'flow:c5', 'activated:c_join']);
		await s.complete('c_left');
		expect(s.take()).toEqual(['completed:c_left', 'flow:c4', 'activated:c_join', 'completed:c_join', 'completed:c_join', 'flow:c6', 'activated:c_end', 'completed:c_end', 'instance:completed']);
	});

	it('XOR split, AND join: the join waits for a branch that was never taken (a modelling deadlock)', async () => {
		const s = await Scenario.load('split-merge-combinations.bpmn');
		await s.start('xor_split_and_join', { left: false });
		expect(s.take().slice(-3)).toEqual(['completed:d_right', 'flow:d5', 'activated:d_join']);
		expect(s.status()).toBe('active');
		expect(s.store.instances.get('1')?.state.tokens.filter((t) => t.p !== 0).map((t) => [t.el, t.s])).toEqual([['d_join', 'j']]);
	});
});
