import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

const started = ['instance:started', 'activated:start', 'completed:start'];

describe('throw events', () => {
	it('passes a message and a none throw, then ends with message, signal and escalation end events', async () => {
		const s = await Scenario.load('throw-events.bpmn');
		await s.start('throwing');
		expect(s.take()).toEqual([
			...started, 'flow:f1', 'activated:send_invoice', 'completed:send_invoice', 'flow:f2', 'activated:plain_throw', 'completed:plain_throw',
			'flow:f3', 'activated:fork', 'completed:fork', 'flow:f4', 'flow:f5', 'flow:f6',
			'activated:message_end', 'completed:message_end', 'activated:signal_end', 'completed:signal_end', 'activated:vip_end', 'completed:vip_end',
			'activated:vip_handling', 'activated:vip_start', 'completed:vip_start', 'flow:v1', 'activated:greet_vip',
			'2 instance:started', '2 activated:closed_start', '2 completed:closed_start', '2 flow:c1', '2 activated:closed_end', '2 completed:closed_end', '2 instance:completed'
		]);
		expect(s.waiting()).toEqual(['greet_vip']);
	});
});

describe('event subprocess inside a subprocess', () => {
	it('interrupts only its subprocess, and the boundary events of that subprocess stay armed', async () => {
		const s = await Scenario.load('nested-event-subprocess.bpmn');
		await s.start('nested_events');
		s.take();
		await s.signal('deal.urgent');
		expect(s.take()).toEqual(['terminated:send_offer', 'activated:urgent_handling', 'activated:urgent_start', 'completed:urgent_start', 'flow:u1', 'activated:call_now']);

		await s.message('deal.aborted');

		expect(s.take()).toEqual([
			'terminated:call_now', 'terminated:urgent_handling', 'terminated:negotiation', 'activated:aborted', 'completed:aborted', 'flow:f3',
			'activated:aborted_end', 'completed:aborted_end', 'instance:completed'
		]);
	});

	it('completes the subprocess when the event subprocess ends', async () => {
		const s = await Scenario.load('nested-event-subprocess.bpmn');
		await s.start('nested_events');
		await s.signal('deal.urgent');
		s.take();
		await s.complete('call_now');
		expect(s.take()).toEqual([
			'completed:call_now', 'flow:u2', 'activated:urgent_end', 'completed:urgent_end', 'completed:urgent_handling', 'completed:negotiation',
			'flow:f2', 'activated:done_end', 'completed:done_end', 'instance:completed'
		]);
		expect(s.store.messageSubscriptions.size).toBe(0);
	});
});

describe('errors in multi-instance subprocesses', () => {
	it('terminates every iteration and the body when one iteration throws to the boundary of the body', async () => {
		const s = await Scenario.load('mi-error.bpmn');
		await s.start('pick_all', { items: ['tea', 'sold out', 'milk'] });
		const records = s.take();
		expect(records.slice(records.indexOf('activated:out_of_stock_end'))).toEqual([
			'activated:out_of_stock_end', 'terminated:pick', 'terminated:out_of_stock_end', 'terminated:pick', 'terminated:pick_item', 'terminated:pick',
			'terminated:pick[mi]', 'activated:out_of_stock', 'completed:out_of_stock', 'flow:f3', 'activated:reorder'
		]);
		expect(s.waiting()).toEqual(['reorder']);
	});
});

describe('timer values', () => {
	it('takes a duration from a FEEL expression and fires an intermediate cycle only once', async () => {
		const s = await Scenario.load('timer-expressions.bpmn');
		await s.start('timer_expressions', { hours: 3 });
		s.take();
		expect(s.store.timers.get('1/3/wait_hours')?.dueAt).toBe(Date.parse('2026-01-01T03:00:00Z'));
		await s.advance('PT3H');
		expect(s.take()).toEqual(['completed:wait_hours', 'flow:f2', 'activated:wait_cycle_once']);
		await s.advance('PT10M');
		expect(s.take()).toEqual(['completed:wait_cycle_once', 'flow:f3', 'activated:end', 'completed:end', 'instance:completed']);
	});

	it('starts a timer start cycle with a start date at that date, then once per period', async () => {
		const s = await Scenario.load('timer-expressions.bpmn');
		await s.advance('P5D');
		expect(s.store.history.filter((r) => r.event === 'instance.started').map((r) => new Date(r.at).toISOString())).toEqual([
			'2026-01-02T09:00:00.000Z', '2026-01-03T09:00:00.000Z'
		]);
		expect(s.store.timers.size).toBe(0);
	});
});

describe('call activity failures', () => {
	it('raises an incident when the called process is not deployed; a boundary timer can still take the token away', async () => {
		const s = await Scenario.load('call-missing.bpmn');
		await s.start('caller');
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:call_ghost', 'incident:call_ghost']);
		expect(s.store.history.at(-1)?.message).toBe('call_ghost calls the process ghost_process, which is not deployed');
		await s.advance('PT1H');
		expect(s.take()).toEqual(['terminated:call_ghost', 'activated:too_long', 'completed:too_long', 'flow:f3', 'activated:timeout_end', 'completed:timeout_end', 'instance:completed']);
	});
});

describe('FEEL beyond the fast path', () => {
	it('evaluates function calls and paths in inclusive conditions', async () => {
		const s = await Scenario.load('feel-conditions.bpmn');
		await s.start('feel_conditions', { items: [1, 2, 3], client: { tags: ['vip'] } });
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:route', 'completed:route', 'flow:to_many', 'flow:to_vip', 'activated:many_items', 'activated:vip_client']);
	});

	it('names the expression and the missing variable in the incident', async () => {
		const s = await Scenario.load('feel-conditions.bpmn');
		await s.start('feel_conditions', { items: [1] });
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:route', 'incident:route']);
		expect(s.store.history.at(-1)?.message).toBe("Expression `=list contains(client.tags, \"vip\")` failed: Variable 'client' not found; Property 'tags' not found in 'null'");
	});
});

describe('standard loop with testBefore', () => {
	it('skips the activity when the condition is false before the first run', async () => {
		const s = await Scenario.load('loop-test-before.bpmn');
		await s.start('test_before', { reminders: 0 });
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:remind', 'completed:remind', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
	});

	it('runs the activity while loopCounter stays below the limit', async () => {
		const s = await Scenario.load('loop-test-before.bpmn');
		await s.start('test_before', { reminders: 2 });
		s.take();
		await s.complete('remind');
		expect(s.take()).toEqual(['completed:remind', 'activated:remind']);
		await s.complete('remind');
		expect(s.take()).toEqual(['completed:remind', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
	});
});
