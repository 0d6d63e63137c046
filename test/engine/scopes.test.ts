import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

const started = ['instance:started', 'activated:start', 'completed:start'];

describe('embedded subprocess', () => {
	it('enters at its none start and completes when its last token ends', async () => {
		const s = await Scenario.load('subprocess.bpmn');
		await s.start('onboarding');
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:collect_documents', 'activated:collect_start', 'completed:collect_start', 'flow:c1', 'activated:request_passport']);
		await s.complete('request_passport', { passport: 'AB' });
		expect(s.take()).toEqual([
			'variables:request_passport', 'completed:request_passport', 'flow:c2', 'activated:valid', 'completed:valid', 'flow:c4',
			'activated:collect_end', 'completed:collect_end', 'completed:collect_documents', 'flow:f2', 'activated:done_end', 'completed:done_end', 'instance:completed'
		]);
	});

	it('catches an error end event with the error boundary of the subprocess', async () => {
		const s = await Scenario.load('subprocess.bpmn');
		await s.start('onboarding', { passport: null });
		s.take();
		await s.complete('request_passport');
		expect(s.take()).toEqual([
			'completed:request_passport', 'flow:c2', 'activated:valid', 'completed:valid', 'flow:c3', 'activated:invalid_end',
			'terminated:invalid_end', 'terminated:collect_documents', 'activated:docs_invalid', 'completed:docs_invalid', 'flow:f3',
			'activated:rejected_end', 'completed:rejected_end', 'instance:completed'
		]);
		expect(s.store.timers.size).toBe(0);
	});

	it('ends only the subprocess at a terminate end event inside it; the process goes on', async () => {
		const s = await Scenario.load('terminate-in-subprocess.bpmn');
		await s.start('terminate_inner');
		expect(s.take()).toEqual([
			...started, 'flow:f1', 'activated:inner', 'activated:inner_start', 'completed:inner_start', 'flow:i1', 'activated:inner_fork', 'completed:inner_fork',
			'flow:i2', 'flow:i3', 'activated:slow_task', 'activated:stop_here', 'terminated:slow_task', 'completed:stop_here', 'completed:inner', 'flow:f2', 'activated:after_inner'
		]);
	});
});

describe('terminate end event', () => {
	it('terminates every other token of the process and completes the instance', async () => {
		const s = await Scenario.load('terminate-process.bpmn');
		await s.start('terminate_all');
		s.take();
		await s.complete('quick_check');
		expect(s.take()).toEqual(['completed:quick_check', 'flow:f5', 'activated:kill_all', 'terminated:long_task', 'completed:kill_all', 'instance:completed']);
		expect(s.store.tasks.size).toBe(0);
	});
});

describe('errors and escalations', () => {
	it('catches an error at the process level with an interrupting event subprocess', async () => {
		const s = await Scenario.load('event-subprocess-error.bpmn');
		await s.start('checkout', { declined: true });
		s.take();
		await s.complete('charge_card');
		expect(s.take()).toEqual([
			'completed:charge_card', 'flow:f5', 'activated:charged', 'completed:charged', 'flow:f6', 'activated:payment_failed_end',
			'terminated:payment_failed_end', 'terminated:pack_goods', 'activated:handle_payment_error', 'activated:payment_error_start',
			'completed:payment_error_start', 'flow:e1', 'activated:call_client'
		]);
		await s.complete('call_client');
		expect(s.take()).toEqual(['completed:call_client', 'flow:e2', 'activated:error_end', 'completed:error_end', 'completed:handle_payment_error', 'instance:completed']);
	});

	it('raises an incident for an error nobody catches', async () => {
		const s = await Scenario.load('uncaught-error.bpmn');
		await s.start('uncaught');
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:fail_end', 'incident:fail_end']);
		expect(s.store.history.at(-1)?.message).toBe('Unhandled error with code NOBODY_CATCHES thrown by fail_end');
	});

	it('catches an escalation with a non-interrupting boundary while the subprocess goes on', async () => {
		const s = await Scenario.load('escalation.bpmn');
		await s.start('escalating');
		expect(s.take()).toEqual([
			...started, 'flow:f1', 'activated:deliver', 'activated:deliver_start', 'completed:deliver_start', 'flow:d1', 'activated:report_late',
			'completed:report_late', 'flow:d2', 'activated:late_noticed', 'completed:late_noticed', 'flow:f3', 'activated:drive', 'activated:apologize'
		]);
	});
});

describe('event subprocesses', () => {
	it('runs a non-interrupting message event subprocess once per message beside the main flow', async () => {
		const s = await Scenario.load('event-subprocess-timer-message.bpmn');
		await s.start('deal');
		s.take();
		await s.message('client.asked');
		const answer = ['activated:answer_question', 'activated:question_start', 'completed:question_start', 'flow:q1', 'activated:answer'];
		expect(s.take()).toEqual(answer);
		await s.message('client.asked');
		expect(s.take()).toEqual(answer);
		expect(s.waiting()).toEqual(['answer', 'answer', 'negotiate']);
	});

	it('interrupts everything in the scope when an interrupting timer event subprocess starts', async () => {
		const s = await Scenario.load('event-subprocess-timer-message.bpmn');
		await s.start('deal');
		await s.message('client.asked');
		s.take();
		await s.advance('P30D');
		expect(s.take()).toEqual([
			'terminated:answer', 'terminated:answer_question', 'terminated:negotiate', 'activated:deal_expired', 'activated:month_start',
			'completed:month_start', 'flow:x1', 'activated:lost_end', 'completed:lost_end', 'completed:deal_expired', 'instance:completed'
		]);
		expect(s.store.messageSubscriptions.size).toBe(0);
	});
});

describe('call activity', () => {
	it('starts the latest version of the called process with the variables and takes its variables back', async () => {
		const s = await Scenario.load('call-activity.bpmn');
		await s.start('sale', { client: 'Ivan' });
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:check_credit', '2 instance:started', '2 activated:check_start', '2 completed:check_start', '2 flow:c1', '2 activated:score']);
		expect(s.variables('2')).toEqual({ client: 'Ivan' });

		await s.complete('score', { rating: 80 });

		expect(s.take()).toEqual([
			'2 variables:score', '2 completed:score', '2 flow:c2', '2 activated:enough_score', '2 completed:enough_score', '2 flow:c4',
			'2 activated:check_end', '2 completed:check_end', '2 instance:completed',
			'variables:check_credit', 'completed:check_credit', 'flow:f2', 'activated:sold_end', 'completed:sold_end', 'instance:completed'
		]);
		expect(s.variables()).toEqual({ client: 'Ivan', rating: 80 });
	});

	it('propagates an error the called process does not catch to the boundary of the call activity', async () => {
		const s = await Scenario.load('call-activity.bpmn');
		await s.start('sale');
		s.take();
		await s.complete('score', { rating: 10 });
		expect(s.take()).toEqual([
			'2 variables:score', '2 completed:score', '2 flow:c2', '2 activated:enough_score', '2 completed:enough_score', '2 flow:c3',
			'2 activated:no_credit_end', '2 terminated:no_credit_end', '2 instance:terminated',
			'terminated:check_credit', 'activated:no_credit', 'completed:no_credit', 'flow:f3', 'activated:refused_end', 'completed:refused_end', 'instance:completed'
		]);
	});

	it('passes an escalation the called process does not catch to a non-interrupting boundary of the call activity', async () => {
		const s = await Scenario.load('call-escalation.bpmn');
		await s.start('deal_with_approval');
		expect(s.take()).toEqual([
			...started, 'flow:f1', 'activated:negotiate', '2 instance:started', '2 activated:n_start', '2 completed:n_start', '2 flow:n1',
			'2 activated:ask_discount', '2 completed:ask_discount', '2 flow:n2', '2 activated:talk',
			'activated:discount_asked', 'completed:discount_asked', 'flow:f3', 'activated:approve_discount'
		]);
		expect(s.waiting()).toEqual(['approve_discount', 'negotiate', 'talk']);
	});

	it('cancels the called instance with the caller', async () => {
		const s = await Scenario.load('call-activity.bpmn');
		await s.start('sale');
		s.take();
		await s.run((e) => e.cancelInstance('1'));
		expect(s.take()).toEqual(['terminated:check_credit', 'instance:terminated', '2 terminated:score', '2 instance:terminated']);
		expect(s.status('2')).toBe('terminated');
		expect(s.store.tasks.size).toBe(0);
	});
});
