import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import Heatmap from '$lib/components/reports/Heatmap.svelte';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
  <process id="p" isExecutable="true">
    <startEvent id="start" name="Заявка" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <userTask id="call" name="Позвонить" />
    <sequenceFlow id="f2" sourceRef="call" targetRef="done" />
    <endEvent id="done" name="Готово" />
  </process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="call_di" bpmnElement="call"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

const ELEMENTS = [
	{ elementId: 'start', name: 'Заявка', entered: 10, completed: 10, medianMs: 0 },
	{ elementId: 'call', name: 'Позвонить', entered: 4, completed: 3, medianMs: (2 * 60 + 5) * 60_000 },
	{ elementId: 'done', name: 'Готово', entered: 0, completed: 0, medianMs: null }
];

describe('Heatmap', () => {
	it('colours each element by its count against the largest, labels it with the count and median in words, and reports clicks', async () => {
		await page.viewport(1000, 700);
		const selected: string[] = [];
		const screen = await render(Heatmap, { xml: XML, elements: ELEMENTS, max: 10, onselect: (id: string) => selected.push(id) });
		const shape = (id: string) => screen.container.querySelector(`.djs-element[data-element-id="${id}"]`);
		// the first import loads bpmn-js: give it time
		await expect.poll(() => shape('call')?.classList.contains('potok-heat-2'), { timeout: 15_000 }).toBe(true);
		expect(shape('start')?.classList.contains('potok-heat-5')).toBe(true);
		expect(shape('done')?.classList.contains('potok-heat-0')).toBe(true);

		// the task's rectangle takes the step's colour (#fed976), the busiest element the darkest (#800026)
		const fill = (id: string) => getComputedStyle(shape(id)!.querySelector('.djs-visual > :first-child')!).fill;
		expect(fill('call')).toBe('rgb(254, 217, 118)');
		expect(fill('start')).toBe('rgb(128, 0, 38)');

		const badge = (id: string) => screen.container.querySelector(`.potok-heat-badge[data-heat-element="${id}"]`);
		await expect.poll(() => badge('call')?.textContent).toBe('4 · 2 ч 5 мин');
		expect(badge('start')?.textContent).toBe('10');
		expect(badge('call')?.getAttribute('title')).toBe('«Позвонить»: вошло 4, завершено 3, медиана 2 ч 5 мин');
		expect(badge('done')).toBeNull();

		await userEvent.click(shape('call')!);
		await expect.poll(() => selected).toEqual(['call']);
		// a flow has no tokens of its own: clicking it selects nothing
		await userEvent.click(screen.container.querySelector('.djs-element[data-element-id="f2"] .djs-hit')!, { force: true });
		await userEvent.click(shape('done')!);
		await expect.poll(() => selected).toEqual(['call', 'done']);
	});

	it('draws another version when its diagram changes', async () => {
		const screen = await render(Heatmap, { xml: XML, elements: ELEMENTS });
		const shape = (id: string) => screen.container.querySelector(`.djs-element[data-element-id="${id}"]`);
		await expect.poll(() => shape('call')?.classList.contains('potok-heat-2'), { timeout: 15_000 }).toBe(true);
		const next = XML.replace(/"call"/g, '"ring"').replace(/call_di/g, 'ring_di').replace('Позвонить', 'Набрать');
		await screen.rerender({ xml: next, elements: [...ELEMENTS.filter((e) => e.elementId !== 'call'), { elementId: 'ring', name: 'Набрать', entered: 7, completed: 7, medianMs: 60_000 }] });
		await expect.poll(() => shape('ring')?.classList.contains('potok-heat-4')).toBe(true);
		expect(shape('call')).toBeNull();
		await expect.poll(() => screen.container.querySelector('.potok-heat-badge[data-heat-element="ring"]')?.textContent).toBe('7 · 1 мин');
	});

	it('outlines the selected element and speaks English on request', async () => {
		const screen = await render(Heatmap, { xml: XML, elements: ELEMENTS, selected: 'call', locale: 'en' });
		const shape = (id: string) => screen.container.querySelector(`.djs-element[data-element-id="${id}"]`);
		await expect.poll(() => shape('call')?.classList.contains('potok-heat-selected')).toBe(true);
		expect(shape('start')?.classList.contains('potok-heat-selected')).toBe(false);
		await expect.poll(() => screen.container.querySelector('.potok-heat-badge[data-heat-element="call"]')?.textContent).toBe('4 · 2 h 5 min');
		expect(screen.container.querySelector('.legend')?.textContent).toContain('Times entered');
	});
});
