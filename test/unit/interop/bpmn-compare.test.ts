import { describe, expect, it } from 'vitest';
import { createModdle } from '$lib/bpmn';
import { diffSnapshots, snapshotBpmn } from '../../helpers/bpmn-compare';

const doc = ({ name = 'Позвонить', target = 'done', x = 200, vendor = ' camunda:assignee="ivan"', extension = '<camunda:field name="x" />' } = {}) => `
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p">
    <bpmn:userTask id="call" name="${name}"${vendor}><bpmn:extensionElements>${extension}</bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="done" /><bpmn:endEvent id="other" />
    <bpmn:sequenceFlow id="flow" sourceRef="call" targetRef="${target}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    <bpmndi:BPMNShape id="call_di" bpmnElement="call"><dc:Bounds x="${x}" y="80" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="flow_di" bpmnElement="flow"><di:waypoint x="300" y="120" /><di:waypoint x="400" y="120" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

async function snapshot(xml: string) {
	return snapshotBpmn((await createModdle().fromXML(xml, 'bpmn:Definitions')).rootElement);
}

describe('the BPMN tree comparison of the round-trip tests', () => {
	it('sees no difference where only prefixes, whitespace and attribute order differ', async () => {
		const reformatted = doc()
			.replaceAll('bpmn:', 'semantic:')
			.replace('xmlns:bpmn=', 'xmlns:semantic=')
			.replace(/>\s+</g, '><')
			.replace('id="call" name="Позвонить"', 'name="Позвонить" id="call"');
		expect(diffSnapshots(await snapshot(doc()), await snapshot(reformatted))).toEqual([]);
	});

	it('notices a renamed element, a re-targeted flow and a moved shape', async () => {
		const before = await snapshot(doc());
		expect(diffSnapshots(before, await snapshot(doc({ name: 'Звонок' })))).toEqual(['elements.call.name: "Позвонить" → "Звонок"']);
		expect(diffSnapshots(before, await snapshot(doc({ target: 'other' })))).toEqual(['elements.flow.targetRef: "#done" → "#other"']);
		expect(diffSnapshots(before, await snapshot(doc({ x: 210 })))).toEqual(['shapes.call_di.bounds.x: 200 → 210']);
	});

	it('notices a lost foreign attribute and a lost foreign extension element', async () => {
		const before = await snapshot(doc());
		expect(before.foreign).toEqual(['call: <{http://camunda.org/schema/1.0/bpmn}field>', 'call: @{http://camunda.org/schema/1.0/bpmn}assignee']);
		expect(diffSnapshots(before, await snapshot(doc({ vendor: '' })))).toEqual(['elements.call.@{http://camunda.org/schema/1.0/bpmn}assignee: "ivan" → (missing)']);
		expect(diffSnapshots(before, await snapshot(doc({ extension: '' })))).toEqual(['elements.call.extensionElements.values: [{"$type":"{http://camunda.org/schema/1.0/bpmn}field","name":"x"}] → (missing)']);
	});
});
