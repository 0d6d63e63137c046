import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { MIWG_DIR } from '../../helpers/interop';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModdle, formatIssue, parseBpmn } from '../../../src/lib/bpmn';
import { compileProcess } from '../../../src/lib/engine';

const doc = (process: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="definitions" targetNamespace="https://potok.dev/test">
  ${extra}
  <process id="deal" isExecutable="true">${process}</process>
</definitions>`;

const stage = `
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="negotiate" />
    <userTask id="negotiate" name="Negotiate">
      <extensionElements>
        <potok:stage key="negotiation" label="Переговоры" />
        <potok:fields>
          <potok:field key="amount" label="Сумма" type="money" required="true" />
          <potok:field key="reason" type="enum" options="price, competitor" requiredWhen="=outcome = &quot;lost&quot;" />
        </potok:fields>
        <potok:outcomes><potok:outcome key="won" label="Выиграна" /><potok:outcome key="lost" label="Проиграна" /></potok:outcomes>
        <potok:assignment type="least-loaded" group="sales" />
        <potok:task due="=record.meeting_at - duration(&quot;PT1H&quot;)" resultRequired="true" />
      </extensionElements>
    </userTask>
    <sequenceFlow id="f2" sourceRef="negotiate" targetRef="notify" />
    <serviceTask id="notify">
      <extensionElements>
        <potok:robot type="webhook" retries="5"><potok:input name="url" value="https://crm.example/hook" /></potok:robot>
      </extensionElements>
    </serviceTask>
    <sequenceFlow id="f3" sourceRef="notify" targetRef="won_end" />
    <endEvent id="won_end"><extensionElements><potok:outcome status="won" /></extensionElements></endEvent>`;

describe('parseBpmn', () => {
	it('reads every potok extension into the typed model', async () => {
		const result = await parseBpmn(doc(stage));
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		const [process] = result.model.processes;
		const negotiate = process?.elements.find((e) => e.id === 'negotiate');
		expect(negotiate?.potok).toEqual({
			stage: { key: 'negotiation', label: 'Переговоры' },
			fields: [
				{ key: 'amount', label: 'Сумма', type: 'money', required: true },
				{ key: 'reason', type: 'enum', options: ['price', 'competitor'], requiredWhen: '=outcome = "lost"' }
			],
			outcomes: [{ key: 'won', label: 'Выиграна' }, { key: 'lost', label: 'Проиграна' }],
			assignment: { type: 'least-loaded', group: 'sales' },
			task: { due: '=record.meeting_at - duration("PT1H")', resultRequired: true }
		});
		expect(process?.elements.find((e) => e.id === 'notify')?.potok).toEqual({
			robot: { type: 'webhook', retries: 5, inputs: [{ name: 'url', value: 'https://crm.example/hook' }] }
		});
		expect(process?.elements.find((e) => e.id === 'won_end')?.potok).toEqual({ status: 'won' });
	});

	it('keeps the potok extension through a moddle save and reload', async () => {
		const moddle = createModdle();
		const { rootElement } = await moddle.fromXML(doc(stage));
		const { xml } = await moddle.toXML(rootElement, { format: true });
		expect(xml).toContain('<potok:field key="amount" label="Сумма" type="money" required="true" />');

		const [first, second] = await Promise.all([parseBpmn(doc(stage)), parseBpmn(xml)]);

		expect(second).toEqual(first);
	});

	it('names the element, its name and the field of an invalid annotation', async () => {
		const result = await parseBpmn(doc(stage.replace('type="money"', 'type="currency"').replace('type="least-loaded" group="sales"', 'type="user"')));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map(formatIssue)).toEqual([
			'negotiate "Negotiate" potok:fields.0.type: Invalid option: expected one of "string"|"text"|"number"|"money"|"date"|"datetime"|"boolean"|"enum"|"multi-enum"|"phone"|"email"|"url"|"user"|"record-link"',
			'negotiate "Negotiate" potok:assignment.user: a user assignment needs `user`'
		]);
	});

	it('rejects an unknown robot type and a record status that does not exist', async () => {
		const result = await parseBpmn(doc(stage.replace('type="webhook"', 'type="teleport"').replace('status="won"', 'status="maybe"')));
		if (result.ok) throw new Error('expected issues');
		expect(result.issues.map((i) => `${i.elementId} ${i.field}`)).toEqual(['notify potok:robot.type', 'won_end potok:status']);
	});

	it('gives a lane assignment to the user tasks of the lane that have none', async () => {
		const laned = `<laneSet id="lanes"><lane id="sales_lane"><extensionElements><potok:assignment type="group" group="sales" /></extensionElements><flowNodeRef>call</flowNodeRef></lane></laneSet>
			<startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="call" /><userTask id="call" />`;
		const result = await parseBpmn(doc(laned));
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		expect(result.model.processes[0]?.elements.find((e) => e.id === 'call')?.potok).toEqual({ assignment: { type: 'group', group: 'sales' } });
	});

	it('reads message correlation keys and multi-instance collections from potok attributes', async () => {
		const result = await parseBpmn(doc(
			`<startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
			<intermediateCatchEvent id="wait"><messageEventDefinition messageRef="paid" /></intermediateCatchEvent>
			<sequenceFlow id="f2" sourceRef="wait" targetRef="each" />
			<userTask id="each"><multiInstanceLoopCharacteristics isSequential="true" potok:collection="=items" potok:elementVariable="item" /></userTask>`,
			'<message id="paid" name="payment.received" potok:correlationKey="=orderId" />'
		));
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		const elements = result.model.processes[0]?.elements ?? [];
		expect(elements.find((e) => e.id === 'wait')?.eventDefinitions).toEqual([{ type: 'message', messageName: 'payment.received', correlationKey: '=orderId' }]);
		expect(elements.find((e) => e.id === 'each')?.loop).toEqual({ kind: 'multi', sequential: true, collection: '=items', elementVariable: 'item' });
	});

	it('reports a document that is not BPMN as one issue instead of throwing', async () => {
		const result = await parseBpmn('<html>not bpmn</html>');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]?.message).toMatch(/^Not a BPMN 2.0 document/);
	});
});

const miwg = MIWG_DIR;

describe.skipIf(!existsSync(miwg))('the MIWG reference models', () => {
	const dir = miwg;
	const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bpmn')) : [];

	it.each(files)('%s parses, and each process compiles or is rejected with element-named issues', async (file) => {
		const result = await parseBpmn(readFileSync(join(dir, file), 'utf8'));
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		for (const process of result.model.processes) {
			const compiled = compileProcess(process);
			if (!compiled.ok) for (const issue of compiled.issues) expect(issue.elementId).toBeTruthy();
		}
	});
});
