import { describe, expect, it } from 'vitest';
import Modeler from 'bpmn-js/lib/Modeler';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
  <process id="p" isExecutable="true"><startEvent id="start" /></process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

describe('bpmn-js in the browser test project', () => {
	it('imports a diagram into a modeler and exports it again', async () => {
		const container = document.createElement('div');
		container.style.width = '800px';
		container.style.height = '600px';
		document.body.append(container);
		const modeler = new Modeler({ container });
		const { warnings } = await modeler.importXML(XML);
		expect(warnings).toEqual([]);
		const { xml } = await modeler.saveXML({ format: true });
		expect(xml).toMatch(/<(bpmn:)?startEvent id="start" \/>/);
		modeler.destroy();
	});
});
