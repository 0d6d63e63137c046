import { describe, expect, it } from 'vitest';
import { Scenario } from './harness';

const started = ['instance:started', 'activated:start', 'completed:start'];

describe('boundary on a multi-instance activity', () => {
	it('terminates every open iteration and the body when the timer falls due', async () => {
		const s = await Scenario.load('mi-boundary-timer.bpmn');
		await s.start('collect_signatures');
		await s.complete('sign');
		s.take();
		await s.advance('P2D');
		expect(s.take()).toEqual(['terminated:sign', 'terminated:sign[mi]', 'activated:deadline', 'completed:deadline', 'flow:f3', 'activated:expired_end', 'completed:expired_end', 'instance:completed']);
	});

	it('removes the timer when all iterations complete first', async () => {
		const s = await Scenario.load('mi-boundary-timer.bpmn');
		await s.start('collect_signatures');
		await s.complete('sign');
		await s.complete('sign');
		expect(s.status()).toBe('completed');
		expect(s.store.timers.size).toBe(0);
	});
});

describe('message correlation order', () => {
	it('delivers each message to the oldest instance still waiting with that key', async () => {
		const s = await Scenario.load('message-catch.bpmn');
		await s.start('wait_payment', { orderId: 5 });
		await s.start('wait_payment', { orderId: 5 });
		expect((await s.message('payment.received', '5')).value).toEqual({ outcome: 'correlated', instanceId: '1' });
		expect((await s.message('payment.received', '5')).value).toEqual({ outcome: 'correlated', instanceId: '2' });
		expect((await s.message('payment.received', '5')).value.outcome).toBe('buffered');
	});

	it('drops a message with a zero time to live when nobody waits', async () => {
		const s = await Scenario.load('message-catch.bpmn');
		expect((await s.message('payment.received', '5', {}, 'PT0S')).value).toEqual({ outcome: 'dropped' });
		expect(s.store.bufferedMessages.size).toBe(0);
	});
});

describe('event-based gateway with a receive task', () => {
	it('continues with the receive task when its message arrives first', async () => {
		const s = await Scenario.load('event-gateway-receive.bpmn');
		await s.start('offer');
		s.take();
		await s.message('offer.accepted', undefined, { price: 100 });
		expect(s.take()).toEqual(['completed:wait_reply', 'flow:f2', 'activated:accepted', 'variables:accepted', 'completed:accepted', 'flow:f4', 'activated:accepted_end', 'completed:accepted_end', 'instance:completed']);
		expect(s.variables()).toEqual({ price: 100 });
		expect(s.store.messageSubscriptions.size).toBe(0);
	});
});

describe('signals with variables', () => {
	it('hands the signal variables to the instance that caught it', async () => {
		const s = await Scenario.load('signals.bpmn');
		await s.start('listener');
		await s.signal('price.changed', { price: 990 });
		expect(s.variables('1')).toEqual({ price: 990 });
		expect(s.variables('2')).toEqual({ price: 990 });
	});
});

describe('uncaught escalation', () => {
	it('is ignored and the flow goes on', async () => {
		const s = await Scenario.load('escalation-uncaught.bpmn');
		await s.start('lonely_escalation');
		expect(s.take()).toEqual([...started, 'flow:f1', 'activated:tell_someone', 'completed:tell_someone', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
	});
});

describe('non-interrupting timer cycle event subprocess', () => {
	it('runs once a day beside the task until the process ends', async () => {
		const s = await Scenario.load('event-subprocess-cycle.bpmn');
		await s.start('nagging');
		s.take();
		await s.advance('P2D');
		const nag = ['activated:daily_nag', 'activated:every_day', 'completed:every_day', 'flow:n1', 'activated:nag_end', 'completed:nag_end', 'completed:daily_nag'];
		expect(s.take()).toEqual([...nag, ...nag]);
		await s.complete('close_deal');
		expect(s.take()).toEqual(['completed:close_deal', 'flow:f2', 'activated:end', 'completed:end', 'instance:completed']);
		expect(s.store.timers.size).toBe(0);
	});
});

describe('command errors', () => {
	it('refuses to cancel an instance twice and to resolve an incident that does not exist', async () => {
		const s = await Scenario.load('user-task.bpmn');
		await s.start('call_lead');
		await s.run((e) => e.cancelInstance('1'));
		await expect(s.run((e) => e.cancelInstance('1'))).rejects.toThrow('Instance 1 is already terminated');
		await expect(s.run((e) => e.resolveIncident('1', 3))).rejects.toThrow('No incident on 1/3');
		expect(s.take().slice(-2)).toEqual(['terminated:call_lead_task', 'instance:terminated']);
	});

	it('refuses to start a process that is not deployed or has no none start event', async () => {
		const s = await Scenario.load('message-start.bpmn');
		await expect(s.start('nothing_here')).rejects.toThrow('No process nothing_here is deployed');
		await expect(s.start('site_lead')).rejects.toThrow('Process site_lead has no none start event; it starts by message, timer or signal');
	});
});
