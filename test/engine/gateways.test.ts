import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

const started = ['instance:started', 'activated:start', 'completed:start'];

describe('exclusive gateway', () => {
	it('takes the first flow in document order whose condition is true', async () => {
		const s = await Scenario.load('exclusive-gateway.bpmn');
		await s.start('route_lead', { amount: 5000 });
		expect(s.take()).toEqual([...started, 'flow:to_split', 'activated:which_source', 'completed:which_source', 'flow:to_site', 'activated:site_lead']);
	});

	it('takes the default flow when no condition is true', async () => {
		const s = await Scenario.load('exclusive-gateway.bpmn');
		await s.start('route_lead', { amount: 5 });
		expect(s.take()).toEqual([...started, 'flow:to_split', 'activated:which_source', 'completed:which_source', 'flow:to_manual', 'activated:manual_lead']);
	});

	it('passes each token through when it merges (XOR split, XOR merge)', async () => {
		const s = await Scenario.load('exclusive-gateway.bpmn');
		await s.start('route_lead', { amount: 5 });
		s.take();
		await s.complete('manual_lead');
		expect(s.take()).toEqual(['completed:manual_lead', 'flow:manual_done', 'activated:merge', 'completed:merge', 'flow:to_end', 'activated:end', 'completed:end', 'instance:completed']);
	});

	it('raises an incident when no flow can be taken, and continues once resolved with new variables', async () => {
		const s = await Scenario.load('exclusive-no-default.bpmn');
		await s.start('no_default');
		expect(s.take()).toEqual([...started, 'flow:to_split', 'activated:decide', 'incident:decide']);
		expect(s.store.history.at(-1)?.message).toBe('No outgoing flow of decide can be taken: no condition is true and there is no default flow');

		await s.run((e) => e.resolveIncident('1', s.incident('decide'), { approved: true }));

		expect(s.take()).toEqual(['resolved:decide', 'variables:decide', 'completed:decide', 'flow:to_yes', 'activated:yes_end', 'completed:yes_end', 'instance:completed']);
	});

	it('turns a FEEL error in a condition into an incident naming the expression', async () => {
		const s = await Scenario.load('feel-error.bpmn');
		await s.start('feel_error', { amount: 5 });
		expect(s.take()).toEqual([...started, 'flow:to_split', 'activated:check_amount', 'incident:check_amount']);
		expect(s.store.history.at(-1)?.message).toBe("Expression `=amount > limit` failed: Variable 'limit' not found");
	});
});

describe('parallel gateway', () => {
	it('forks to every flow and joins when a token arrived on each incoming flow (AND split, AND join)', async () => {
		const s = await Scenario.load('parallel-gateway.bpmn');
		await s.start('and_split_join');
		expect(s.take()).toEqual([
			...started, 'flow:to_fork', 'activated:fork', 'completed:fork', 'flow:to_contract', 'flow:to_invoice',
			'activated:prepare_contract', 'activated:issue_invoice'
		]);
		await s.complete('issue_invoice');
		expect(s.take()).toEqual(['completed:issue_invoice', 'flow:invoice_done', 'activated:join']);
		expect(s.waiting()).toEqual(['prepare_contract']);

		await s.complete('prepare_contract');

		expect(s.take()).toEqual([
			'completed:prepare_contract', 'flow:contract_done', 'activated:join', 'completed:join', 'completed:join',
			'flow:to_end', 'activated:end', 'completed:end', 'instance:completed'
		]);
	});

	it('runs what follows an XOR merge once per incoming token (AND split, multi-merge)', async () => {
		const s = await Scenario.load('multi-merge.bpmn');
		await s.start('multi_merge');
		expect(s.take()).toEqual([
			...started, 'flow:to_fork', 'activated:fork', 'completed:fork', 'flow:to_a', 'flow:to_b',
			'activated:task_a', 'completed:task_a', 'flow:a_done', 'activated:task_b', 'completed:task_b', 'flow:b_done',
			'activated:merge', 'completed:merge', 'flow:to_after', 'activated:merge', 'completed:merge', 'flow:to_after',
			'activated:after_merge', 'activated:after_merge'
		]);
		expect(s.waiting()).toEqual(['after_merge', 'after_merge']);
	});
});

describe('inclusive gateway', () => {
	it('takes every flow whose condition is true and joins only those branches (OR split, OR join)', async () => {
		const s = await Scenario.load('inclusive-gateway.bpmn');
		await s.start('or_split_join', { email: true, sms: true });
		expect(s.take()).toEqual([
			...started, 'flow:to_split', 'activated:or_split', 'completed:or_split', 'flow:to_email', 'flow:to_sms', 'activated:send_email', 'activated:send_sms'
		]);
		await s.complete('send_sms');
		expect(s.take()).toEqual(['completed:send_sms', 'flow:sms_done', 'activated:or_join']);

		await s.complete('send_email');

		expect(s.take()).toEqual([
			'completed:send_email', 'flow:email_done', 'activated:or_join', 'completed:or_join', 'completed:or_join',
			'flow:to_end', 'activated:end', 'completed:end', 'instance:completed'
		]);
	});

	it('takes the default flow when no condition is true', async () => {
		const s = await Scenario.load('inclusive-gateway.bpmn');
		await s.start('or_split_join', { email: false, sms: false });
		expect(s.take()).toEqual([...started, 'flow:to_split', 'activated:or_split', 'completed:or_split', 'flow:to_default', 'activated:call_client']);
		await s.complete('call_client');
		expect(s.take()).toEqual(['completed:call_client', 'flow:call_done', 'activated:or_join', 'completed:or_join', 'flow:to_end', 'activated:end', 'completed:end', 'instance:completed']);
	});

	it('stops waiting for a branch that ended elsewhere, decided by reachability', async () => {
		const s = await Scenario.load('inclusive-join-dead-branch.bpmn');
		await s.start('or_dead_branch', { ok: false });
		s.take();
		await s.complete('take_payment');
		expect(s.take()).toEqual(['completed:take_payment', 'flow:pay_done', 'activated:or_join']);

		await s.complete('check_docs');

		expect(s.take()).toEqual([
			'completed:check_docs', 'flow:check_done', 'activated:docs_ok', 'completed:docs_ok', 'flow:docs_rejected',
			'activated:rejected_end', 'completed:rejected_end', 'completed:or_join', 'flow:to_end', 'activated:end', 'completed:end', 'instance:completed'
		]);
	});

	it('merges two tokens that reach the join in the same step into one (found by the property test)', async () => {
		const s = await Scenario.load('inclusive-same-step.bpmn');
		await s.start('or_same_step', { hot: true });
		expect(s.take()).toEqual([
			...started, 'flow:to_split', 'activated:or_split', 'completed:or_split', 'flow:to_log', 'flow:to_tag',
			'activated:write_log', 'completed:write_log', 'flow:log_done', 'activated:tag_lead', 'completed:tag_lead', 'flow:tag_done',
			'activated:or_join', 'activated:or_join', 'completed:or_join', 'completed:or_join', 'flow:to_call', 'activated:call_lead'
		]);
		expect(s.waiting()).toEqual(['call_lead']);
	});

	it('joins after an event-based gateway once the deferred choice is made (OR join after deferred choice)', async () => {
		const s = await Scenario.load('or-join-after-event-gateway.bpmn');
		await s.start('or_after_deferred');
		s.take();
		await s.complete('prepare_goods');
		expect(s.take()).toEqual(['completed:prepare_goods', 'flow:goods_done', 'activated:or_join']);

		await s.advance('P3D');

		expect(s.take()).toEqual([
			'completed:wait_payment_or_timeout', 'flow:to_timeout', 'activated:three_days', 'completed:three_days', 'flow:timeout_done',
			'activated:or_join', 'completed:or_join', 'completed:or_join', 'flow:to_end', 'activated:end', 'completed:end', 'instance:completed'
		]);
	});
});

describe('event-based gateway', () => {
	it('continues with the message when it arrives first (deferred choice)', async () => {
		const s = await Scenario.load('event-based-gateway.bpmn');
		await s.start('deferred_choice');
		expect(s.take()).toEqual([...started, 'flow:to_gateway', 'activated:wait_answer']);

		await s.message('client.answered');

		expect(s.take()).toEqual([
			'completed:wait_answer', 'flow:to_answer', 'activated:answered', 'completed:answered', 'flow:answer_done',
			'activated:answered_end', 'completed:answered_end', 'instance:completed'
		]);
		expect(s.store.timers.size).toBe(0);
	});

	it('continues with the timer when it falls due first', async () => {
		const s = await Scenario.load('event-based-gateway.bpmn');
		await s.start('deferred_choice');
		s.take();
		await s.advance('P1D');
		expect(s.take()).toEqual([]);

		await s.advance('P1D');

		expect(s.take()).toEqual([
			'completed:wait_answer', 'flow:to_timer', 'activated:two_days', 'completed:two_days', 'flow:timer_done',
			'activated:no_answer_end', 'completed:no_answer_end', 'instance:completed'
		]);
		expect(s.store.messageSubscriptions.size).toBe(0);
	});
});

describe('cycles', () => {
	it('runs an arbitrary cycle through an XOR merge until its exit condition holds', async () => {
		const s = await Scenario.load('arbitrary-cycle.bpmn');
		await s.start('cycle', { attempts: 0 });
		const round = ['flow:to_count', 'activated:count_attempt', 'variables:count_attempt', 'completed:count_attempt', 'flow:to_check', 'activated:enough', 'completed:enough'];
		expect(s.take()).toEqual([
			...started, 'flow:to_merge', 'activated:loop_merge', 'completed:loop_merge', ...round,
			'flow:again', 'activated:loop_merge', 'completed:loop_merge', ...round,
			'flow:again', 'activated:loop_merge', 'completed:loop_merge', ...round,
			'flow:done', 'activated:end', 'completed:end', 'instance:completed'
		]);
		expect(s.variables()).toEqual({ attempts: 3 });
	});
});
