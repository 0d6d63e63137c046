import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/lib/bpmn';
import { Scenario } from './harness';

describe('resolving incidents', () => {
	it('calls the process again once it has been deployed', async () => {
		const s = await Scenario.load('call-missing.bpmn');
		await s.start('caller');
		s.take();
		const ghost = await parseBpmn(`<?xml version="1.0"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="ghost" targetNamespace="https://potok.dev/test">
				<process id="ghost_process" isExecutable="true">
					<startEvent id="boo" /><sequenceFlow id="g1" sourceRef="boo" targetRef="haunt" /><userTask id="haunt" />
				</process>
			</definitions>`);
		if (!ghost.ok) throw new Error('ghost does not parse');
		await s.run((e) => e.deploy(ghost.model));

		await s.run((e) => e.resolveIncident('1', s.incident('call_ghost')));

		expect(s.take()).toEqual(['resolved:call_ghost', '2 instance:started', '2 activated:boo', '2 completed:boo', '2 flow:g1', '2 activated:haunt']);
		expect(s.waiting()).toEqual(['call_ghost', 'haunt']);
	});

	it('gives a runaway loop a fresh budget, which it spends again', async () => {
		const s = await Scenario.load('runaway-loop.bpmn', { stepBudget: 20 });
		await s.start('runaway');
		s.take();
		await s.run((e) => e.resolveIncident('1', s.incident('spin')));
		const records = s.take();
		expect(records.slice(0, 3)).toEqual(['resolved:spin', 'activated:spin', 'completed:spin']);
		expect(records.slice(-2)).toEqual(['flow:to_spin', 'incident:spin']);
		expect(records.filter((r) => r.startsWith('activated:'))).toHaveLength(20);
	});

	it('throws an unhandled error again, which raises a new incident while nobody catches it', async () => {
		const s = await Scenario.load('uncaught-error.bpmn');
		await s.start('uncaught');
		s.take();
		await s.run((e) => e.resolveIncident('1', s.incident('fail_end')));
		expect(s.take()).toEqual(['resolved:fail_end', 'incident:fail_end']);
	});

	it('keeps a user task whose activation raised an incident out of the open tasks until it is resolved', async () => {
		const s = await Scenario.load('task-due-incident.bpmn');
		await s.start('call_back');
		expect(s.take()).toEqual(['instance:started', 'activated:start', 'completed:start', 'flow:f1', 'activated:call_client_back', 'incident:call_client_back']);
		expect([...s.store.tasks.values()]).toEqual([]);
		const token = s.incident('call_client_back');
		await expect(s.run((e) => e.completeTask({ instanceId: '1', tokenId: token }))).rejects.toThrow(
			/call_client_back is stopped by an incident \(Expression `=date and time\(callback_at\) - duration\("PT1H"\)` failed: .*\); resolve it first/
		);

		await s.run((e) => e.resolveIncident('1', token, { callback_at: '2026-01-02T10:00:00Z' }));

		expect(s.take()).toEqual(['resolved:call_client_back', 'variables:call_client_back']);
		expect([...s.store.tasks.values()].map((t) => [t.elementId, new Date(t.dueAt ?? 0).toISOString()])).toEqual([['call_client_back', '2026-01-02T09:00:00.000Z']]);
		await s.complete('call_client_back');
		expect(s.take()).toEqual(['completed:call_client_back', 'flow:f2', 'activated:called_back', 'completed:called_back', 'instance:completed']);
	});
});
