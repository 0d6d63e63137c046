import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import type PotokEditing from '$lib/modeler/potok-properties/PotokEditing';
import type { DiagramElement } from '$lib/modeler/potok-properties/extension-elements';
import { precedingOutcomes } from '$lib/modeler/potok-properties/condition-entry';
import { lintDelay } from '$lib/modeler/lint/DeferredLinting';
import ProcessModeler, { type LiveLintProblem } from '$lib/components/modeler/ProcessModeler.svelte';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t">
  <process id="p" isExecutable="true">
    <userTask id="call" name="Позвонить"><extensionElements><potok:stage /><potok:outcomes><potok:outcome key="reached" /><potok:outcome key="no_answer" /></potok:outcomes></extensionElements><outgoing>to_gateway</outgoing></userTask>
    <exclusiveGateway id="after_call"><incoming>to_gateway</incoming><outgoing>reached_flow</outgoing><outgoing>retry_flow</outgoing></exclusiveGateway>
    <task id="meet" name="Встреча"><incoming>reached_flow</incoming></task>
    <task id="retry" name="Перезвонить"><incoming>retry_flow</incoming></task>
    <sequenceFlow id="to_gateway" sourceRef="call" targetRef="after_call" />
    <sequenceFlow id="reached_flow" sourceRef="after_call" targetRef="meet"><conditionExpression>=outcome = "reached"</conditionExpression></sequenceFlow>
    <sequenceFlow id="retry_flow" sourceRef="after_call" targetRef="retry" />
  </process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    <bpmndi:BPMNShape id="call_di" bpmnElement="call"><dc:Bounds x="100" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="after_call_di" bpmnElement="after_call"><dc:Bounds x="250" y="93" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="meet_di" bpmnElement="meet"><dc:Bounds x="350" y="20" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="retry_di" bpmnElement="retry"><dc:Bounds x="350" y="150" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="to_gateway_di" bpmnElement="to_gateway"><di:waypoint x="200" y="118" /><di:waypoint x="250" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="reached_flow_di" bpmnElement="reached_flow"><di:waypoint x="275" y="93" /><di:waypoint x="275" y="60" /><di:waypoint x="350" y="60" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="retry_flow_di" bpmnElement="retry_flow"><di:waypoint x="275" y="143" /><di:waypoint x="275" y="190" /><di:waypoint x="350" y="190" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

interface Api {
	service<T>(name: string): T | undefined;
}

describe('live lint in ProcessModeler', { timeout: 60_000 }, () => {
	it('reports an unrouted outcome on the gateway and stops once the outcome pick-list routes it', async () => {
		let latest: LiveLintProblem[] = [];
		let imported!: () => void;
		const ready = new Promise<void>((resolve) => (imported = resolve));
		const screen = await render(ProcessModeler, { xml: XML, locale: 'ru', onimport: () => imported(), onlint: (p: LiveLintProblem[]) => (latest = p) });
		await ready;
		const unrouted = () => latest.filter((p) => p.rule === 'potok/routed-outcomes').map((p) => p.id);
		await expect.poll(unrouted, { timeout: 5_000 }).toEqual(['after_call']);

		const api = screen.component as unknown as Api;
		const flow = api.service<{ get(id: string): DiagramElement }>('elementRegistry')!.get('retry_flow');
		const editing = api.service<PotokEditing>('potokEditing')!;
		expect(precedingOutcomes(flow).map((o) => o.key)).toEqual(['reached', 'no_answer']);
		editing.setOutcomeCondition(flow, 'no_answer');
		await expect.poll(unrouted, { timeout: 5_000 }).toEqual([]);
	});

	it('lints once the diagram has been still for a moment, not after every change', async () => {
		let runs = 0;
		let imported!: () => void;
		const ready = new Promise<void>((resolve) => (imported = resolve));
		const screen = await render(ProcessModeler, { xml: XML, locale: 'ru', onimport: () => imported(), onlint: () => runs++ });
		await ready;
		expect(runs).toBe(0);
		await expect.poll(() => runs, { timeout: 5_000 }).toBe(1);

		const api = screen.component as unknown as Api;
		const editing = api.service<PotokEditing>('potokEditing')!;
		const call = api.service<{ get(id: string): DiagramElement }>('elementRegistry')!.get('call');
		for (const due of ['PT1H', 'PT2H', 'PT3H', 'PT4H', 'PT5H']) editing.setAttribute(call, 'potok:Task', 'due', due);
		await expect.poll(() => runs, { timeout: 5_000 }).toBe(2);
		await new Promise((resolve) => setTimeout(resolve, lintDelay * 3));
		expect(runs).toBe(2);
	});
});
