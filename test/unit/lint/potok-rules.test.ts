import { describe, expect, it } from 'vitest';
import { lintBpmn } from '$lib/lint/lint-bpmn';

/** A process without DI; rules are checked one at a time, so recommended findings are ignored. */
const diagram = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t">
  <process id="p" isExecutable="true">${body}</process>
</definitions>`;

async function findings(rule: string, body: string) {
	return (await lintBpmn(diagram(body))).filter((p) => p.rule === `potok/${rule}`).map((p) => p.id);
}

const stage = (id: string, name: string, inner: string) =>
	`<userTask id="${id}"${name ? ` name="${name}"` : ''}><extensionElements><potok:stage />${inner}</extensionElements></userTask>`;

describe('potok/stage-name', () => {
	it('accepts a named stage', async () => {
		expect(await findings('stage-name', stage('named_stage', 'Позвонить', ''))).toEqual([]);
	});
	it('reports a stage without a name', async () => {
		expect(await findings('stage-name', stage('unnamed_stage', '', ''))).toEqual(['unnamed_stage']);
	});
});

describe('potok/unique-outcome-keys', () => {
	it('accepts distinct outcome keys', async () => {
		const outcomes = '<potok:outcomes><potok:outcome key="won" /><potok:outcome key="lost" /></potok:outcomes>';
		expect(await findings('unique-outcome-keys', stage('distinct', 'A', outcomes))).toEqual([]);
	});
	it('reports an outcome key used twice', async () => {
		const outcomes = '<potok:outcomes><potok:outcome key="won" /><potok:outcome key="won" /></potok:outcomes>';
		expect(await findings('unique-outcome-keys', stage('twice', 'A', outcomes))).toEqual(['twice']);
	});
});

describe('potok/routed-outcomes', () => {
	const flows = (secondCondition: string) => `
		${stage('call', 'Позвонить', '<potok:outcomes><potok:outcome key="reached" /><potok:outcome key="no_answer" /></potok:outcomes>')}
		<exclusiveGateway id="after_call" />
		<task id="meet" name="Встреча" /><task id="retry" name="Перезвонить" />
		<sequenceFlow id="to_gateway" sourceRef="call" targetRef="after_call" />
		<sequenceFlow id="reached_flow" sourceRef="after_call" targetRef="meet"><conditionExpression>=outcome = "reached"</conditionExpression></sequenceFlow>
		<sequenceFlow id="retry_flow" sourceRef="after_call" targetRef="retry"><conditionExpression>${secondCondition}</conditionExpression></sequenceFlow>`;

	it('accepts a gateway that routes every outcome', async () => {
		expect(await findings('routed-outcomes', flows('=outcome = "no_answer"'))).toEqual([]);
	});
	it('reports the gateway when an outcome is not routed', async () => {
		expect(await findings('routed-outcomes', flows('=outcome = "other"'))).toEqual(['after_call']);
	});
});

describe('potok/field-keys', () => {
	const field = (id: string, key: string, type: string) =>
		stage(id, id, `<potok:fields><potok:field key="${key}" type="${type}" /></potok:fields>`);

	it('accepts valid keys with one type across stages', async () => {
		expect(await findings('field-keys', field('first', 'meeting_at', 'datetime') + field('second', 'meeting_at', 'datetime'))).toEqual([]);
	});
	it('reports an invalid key', async () => {
		expect(await findings('field-keys', field('bad_key', 'MeetingAt', 'datetime'))).toEqual(['bad_key']);
	});
	it('reports the same key with another type', async () => {
		expect(await findings('field-keys', field('first', 'amount', 'money') + field('second', 'amount', 'string'))).toEqual(['second']);
	});
});

describe('potok/expressions', () => {
	const required = (id: string, expression: string) =>
		stage(id, id, `<potok:fields><potok:field key="reason" type="text" requiredWhen="${expression}" /></potok:fields>`);

	it('accepts an expression that parses', async () => {
		expect(await findings('expressions', required('good_expression', '=outcome = &quot;lost&quot;'))).toEqual([]);
	});
	it('reports an expression that does not parse', async () => {
		expect(await findings('expressions', required('broken_expression', '=outcome = = (&quot;lost'))).toEqual(['broken_expression']);
	});
});

describe('potok/unsupported-elements', () => {
	it('accepts elements the engine runs', async () => {
		expect(await findings('unsupported-elements', '<userTask id="plain_task" name="A" /><exclusiveGateway id="xor" />')).toEqual([]);
	});
	it('reports a complex gateway, a business rule task and a conditional event by id', async () => {
		const body = `<complexGateway id="complex" /><businessRuleTask id="rules" name="DMN" />
			<intermediateCatchEvent id="when_condition"><conditionalEventDefinition id="cond" /></intermediateCatchEvent>`;
		expect(await findings('unsupported-elements', body)).toEqual(['complex', 'rules', 'when_condition']);
	});
});
