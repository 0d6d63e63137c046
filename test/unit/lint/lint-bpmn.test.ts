import { describe, expect, it } from 'vitest';
import { lintBpmn } from '$lib/lint/lint-bpmn';

const GOOD = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t">
  <process id="p" isExecutable="true">
    <startEvent id="start" name="Заявка"><outgoing>f1</outgoing></startEvent>
    <userTask id="call" name="Позвонить"><incoming>f1</incoming><outgoing>f2</outgoing><extensionElements><potok:stage /><potok:fields><potok:field key="meeting_at" type="datetime" required="true" /></potok:fields></extensionElements></userTask>
    <endEvent id="done" name="Готово"><incoming>f2</incoming></endEvent>
    <sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <sequenceFlow id="f2" sourceRef="call" targetRef="done" />
  </process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="call_di" bpmnElement="call"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

describe('lintBpmn', () => {
	it('finds no errors in a small correct diagram', async () => {
		const problems = await lintBpmn(GOOD);
		expect(problems.filter((p) => p.category === 'error').map((p) => `${p.rule} ${p.id} ${p.message}`)).toEqual([]);
	});

	it('names the element of a finding', async () => {
		const problems = await lintBpmn(GOOD.replace('<potok:stage />', '<potok:stage /><potok:outcomes><potok:outcome key="a" /><potok:outcome key="a" /></potok:outcomes>'));
		expect(problems).toContainEqual(expect.objectContaining({ id: 'call', name: 'Позвонить', rule: 'potok/unique-outcome-keys', category: 'error' }));
	});
});

describe('lintMessage', () => {
	it('translates a Potok rule message into Russian and keeps the key', async () => {
		const { lintMessage } = await import('$lib/lint/messages');
		const message = lintMessage({ rule: 'potok/routed-outcomes', message: 'Outcome "lost" of Call is not routed by any condition of this gateway' }, 'ru');
		expect(message).toBe('Результат "lost" не обработан ни одним условием этого шлюза');
	});

	it('speaks Russian for every message bpmnlint\'s recommended rules produce on a messy diagram', async () => {
		const { lintMessage } = await import('$lib/lint/messages');
		const messy = GOOD.replace('<startEvent id="start" name="Заявка">', '<startEvent id="start">')
			.replace('</process>', '<task id="lonely" /><exclusiveGateway id="gw"><incoming>f3</incoming><outgoing>f4</outgoing></exclusiveGateway><sequenceFlow id="f3" sourceRef="call" targetRef="gw" /><sequenceFlow id="f4" sourceRef="gw" targetRef="done" /></process>');
		const problems = await lintBpmn(messy);
		const recommended = problems.filter((p) => !p.rule.startsWith('potok/'));
		expect(recommended.length).toBeGreaterThan(3);
		for (const p of recommended) expect(lintMessage(p, 'ru'), `${p.rule}: ${p.message}`).toMatch(/[а-яё]/i);
		expect(lintMessage({ rule: 'label-required', message: 'Element is missing label/name' }, 'ru')).toBe('У элемента нет названия');
		expect(lintMessage({ rule: 'label-required', message: 'Element is missing label/name' }, 'en')).toBe('Element is missing label/name');
	});

	it('puts the modeler’s lint overlays and button into Russian, where only the English text is known', async () => {
		const { createTranslate } = await import('$lib/modeler/translate/translate');
		const translate = createTranslate('ru');
		expect(translate('Outcome "lost" of Call is not routed by any condition of this gateway')).toBe('Результат "lost" не обработан ни одним условием этого шлюза');
		expect(translate('A stage must have a name')).toBe('У этапа должно быть название');
		expect(translate('Element is not connected')).toBe('Элемент ни с чем не соединён');
		expect(translate('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '1' })).toBe('Ошибок: 2, предупреждений: 1');
		expect(translate('Some text nobody translated')).toBe('Some text nobody translated');
		expect(createTranslate('en')('A stage must have a name')).toBe('A stage must have a name');
	});
});
