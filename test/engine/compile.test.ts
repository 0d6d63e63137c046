import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseBpmn } from '../../src/lib/bpmn';
import { compileProcess } from '../../src/lib/engine';
import { Scenario } from './harness';

async function rejections(fixture: string): Promise<string[]> {
	const parsed = await parseBpmn(readFileSync(join(import.meta.dirname, 'fixtures', 'invalid', fixture), 'utf8'));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return parsed.model.processes.flatMap((p) => {
		const compiled = compileProcess(p);
		return compiled.ok ? [] : compiled.issues.map(formatIssue);
	});
}

describe('compiling rejects what cannot run, naming the element', () => {
	it('rejects a complex gateway', async () => {
		expect(await rejections('complex-gateway.bpmn')).toEqual(['complex_choice: ComplexGateway is not supported by the Potok engine']);
	});

	it('rejects conditions on the outgoing flows of a parallel gateway', async () => {
		expect(await rejections('parallel-conditions.bpmn')).toEqual(['conditional_branch: conditions are not allowed on the outgoing flows of the parallel gateway fork']);
	});

	it('rejects a sequence flow into a start event', async () => {
		expect(await rejections('flow-into-start.bpmn')).toEqual(['back_to_start: a sequence flow may not enter the start event start']);
	});

	it('rejects a sequence flow crossing the border of a subprocess', async () => {
		expect(await rejections('flow-crossing-subprocess.bpmn')).toEqual([
			'escaping_flow: the sequence flow crosses the border of sub (or names an unknown element)',
			'end: the element has no incoming sequence flow, so it can never run'
		]);
	});

	it('rejects unsupported tasks and event definitions', async () => {
		expect(await rejections('unsupported-elements.bpmn')).toEqual([
			'rules: BusinessRuleTask is not supported by the Potok engine',
			'wait_condition: ConditionalEventDefinition is not supported by the Potok engine'
		]);
	});

	it('rejects attributes that change what an element does when Potok cannot run them', async () => {
		expect(await rejections('unsupported-attributes.bpmn')).toEqual([
			'twice: completionQuantity other than 1 is not supported by the Potok engine',
			'parallel_events: a parallel event-based gateway is not supported by the Potok engine'
		]);
	});

	it('rejects potok annotations on elements that cannot use them', async () => {
		expect(await rejections('misplaced-potok.bpmn')).toEqual([
			'start potok:outcome status: potok:outcome status is only allowed on end events',
			'plain_with_robot potok:robot: potok:robot is only allowed on service, send and script tasks',
			'service_with_form potok:outcomes: potok:outcomes is only allowed on user tasks'
		]);
	});

	it('rejects FEEL syntax errors and timer values that are not ISO 8601', async () => {
		expect(await rejections('bad-expressions.bpmn')).toEqual([
			'broken_condition conditionExpression: syntax error at position 8 in `=amount >`',
			'wait_a_bit timer.duration: `one hour` is not an ISO 8601 duration'
		]);
	});

	it('rejects two none start events and a flow out of an end event', async () => {
		expect(await rejections('structure.bpmn')).toEqual([
			'out_of_end: a sequence flow may not leave the end event end',
			'p: a process may have at most one none start event'
		]);
	});
});

describe('versions', () => {
	it('keeps running instances on their version when a new one is deployed', async () => {
		const s = await Scenario.load('user-task.bpmn');
		await s.start('call_lead');
		const parsed = await parseBpmn(readFileSync(join(import.meta.dirname, 'fixtures', 'user-task.bpmn'), 'utf8').replace('<endEvent id="lead_called" />', '<endEvent id="lead_called" name="Called" />'));
		if (!parsed.ok) throw new Error('fixture');
		const deployed = await s.run((e) => e.deploy(parsed.model));
		expect(deployed).toEqual({ ok: true, definitions: [{ processId: 'call_lead', version: 2, key: 'call_lead:2', isNew: true }] });
		await s.start('call_lead');

		expect(s.store.instances.get('1')?.definitionKey).toBe('call_lead:1');
		expect(s.store.instances.get('2')?.definitionKey).toBe('call_lead:2');
		await s.complete('call_lead_task');
		expect(s.status('1')).toBe('completed');
	});

	it('does not create a new version when the same model is deployed again', async () => {
		const s = await Scenario.load('user-task.bpmn');
		const parsed = await parseBpmn(readFileSync(join(import.meta.dirname, 'fixtures', 'user-task.bpmn'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture');
		expect(await s.run((e) => e.deploy(parsed.model))).toEqual({ ok: true, definitions: [{ processId: 'call_lead', version: 1, key: 'call_lead:1', isNew: false }] });
	});
});
