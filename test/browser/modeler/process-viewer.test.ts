import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import ProcessViewer from '$lib/components/modeler/ProcessViewer.svelte';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
  <process id="p" isExecutable="true"><userTask id="call" name="Позвонить" /></process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    <bpmndi:BPMNShape id="call_di" bpmnElement="call"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

describe('ProcessViewer', () => {
	it('marks an element and shows an overlay badge by element id', async () => {
		let imported!: () => void;
		const ready = new Promise<void>((resolve) => (imported = resolve));
		const screen = await render(ProcessViewer, {
			xml: XML,
			markers: { call: ['potok-hot'] },
			overlays: [{ id: 'call', html: '<span class="comment-count">3</span>' }],
			onimport: () => imported()
		});
		await ready;
		await expect.poll(() => screen.container.querySelector('[data-element-id="call"]')?.classList.contains('potok-hot')).toBe(true);
		await expect.poll(() => screen.container.querySelector('.comment-count')?.textContent).toBe('3');
	});
});
