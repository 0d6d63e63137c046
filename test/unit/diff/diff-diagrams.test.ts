import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDiagrams } from '$lib/diff';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const asIs = fixture('funnel-as-is.bpmn');
const toBe = fixture('funnel-to-be.bpmn');

/** A one-process document; `shapes` are DI shapes written as `id:x,y`. */
function bpmn(body: string, shapes: string[] = []): string {
	const di = shapes
		.map((s) => s.split(/[:,]/))
		.map(([id, x, y]) => `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="100" height="80" /></bpmndi:BPMNShape>`)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
  <process id="p">${body}</process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="p">${di}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;
}

describe('diffDiagrams on plain BPMN', () => {
	it('lists the added, removed, changed and moved elements by id', async () => {
		const diff = await diffDiagrams(asIs, toBe, 'ru');
		expect(diff.added).toEqual(['call_later']);
		expect(diff.removed).toEqual(['old_step']);
		expect(diff.changed).toEqual(expect.arrayContaining(['renamed_task', 'flow_no_answer', 'call_client', 'flow_reached']));
		expect(diff.layoutChanged).toEqual(['moved_task']);
	});

	it('does not count a moved element as changed, nor an untouched one at all', async () => {
		const diff = await diffDiagrams(asIs, toBe, 'ru');
		const all = [...diff.added, ...diff.removed, ...diff.changed, ...diff.layoutChanged];
		expect(diff.changed).not.toContain('moved_task');
		expect(all).not.toContain('start');
		expect(all).not.toContain('flow_start');
	});

	it('swaps added and removed when the documents are swapped', async () => {
		const diff = await diffDiagrams(toBe, asIs, 'ru');
		expect(diff.added).toEqual(['old_step']);
		expect(diff.removed).toEqual(['call_later']);
	});

	it('finds no difference between a document and itself', async () => {
		expect(await diffDiagrams(asIs, asIs, 'en')).toEqual({ added: [], removed: [], changed: [], layoutChanged: [], annotations: [] });
	});

	it('counts a change deep inside an event definition (a timer duration) as a change of the event', async () => {
		const timer = (duration: string) =>
			bpmn(`<task id="wait" /><boundaryEvent id="reminder" attachedToRef="wait"><timerEventDefinition><timeDuration>${duration}</timeDuration></timerEventDefinition></boundaryEvent>`);
		const diff = await diffDiagrams(timer('PT1H'), timer('PT2H'), 'ru');
		expect(diff.changed).toEqual(['reminder']);
	});

	it('counts an edited documentation text as a change of its element', async () => {
		const documented = (text: string) => bpmn(`<task id="explained"><documentation>${text}</documentation></task>`);
		expect((await diffDiagrams(documented('old'), documented('new'), 'ru')).changed).toEqual(['explained']);
	});

	it('brings the contents of a removed subprocess along with it', async () => {
		const withSubprocess = bpmn(
			'<task id="kept" /><subProcess id="checks"><startEvent id="checks_start" /><task id="check_passport" /><sequenceFlow id="checks_flow" sourceRef="checks_start" targetRef="check_passport" /></subProcess>',
			['kept:0,0', 'checks:200,0', 'check_passport:220,20']
		);
		const without = bpmn('<task id="kept" />', ['kept:0,0']);
		const diff = await diffDiagrams(withSubprocess, without, 'en');
		expect(diff.removed).toEqual(['checks', 'checks_start', 'check_passport', 'checks_flow']);
		expect((await diffDiagrams(without, withSubprocess, 'en')).added).toEqual(['checks', 'checks_start', 'check_passport', 'checks_flow']);
	});

	it('brings the contents of a removed pool along with it', async () => {
		const pools = (second: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <collaboration id="collaboration"><participant id="sales_pool" processRef="sales" />${second ? '<participant id="billing_pool" processRef="billing" />' : ''}</collaboration>
  <process id="sales"><task id="sell" /></process>
  ${second ? '<process id="billing"><laneSet id="billing_lanes"><lane id="accountant" /></laneSet><task id="invoice" /></process>' : ''}
</definitions>`;
		expect((await diffDiagrams(pools(true), pools(false), 'ru')).removed).toEqual(['billing_pool', 'accountant', 'invoice']);
	});

	it('reports a moved shape as a layout change only', async () => {
		const diff = await diffDiagrams(bpmn('<task id="a" />', ['a:0,0']), bpmn('<task id="a" />', ['a:40,0']), 'ru');
		expect(diff).toMatchObject({ changed: [], layoutChanged: ['a'] });
	});

	it('rejects a document that is not BPMN', async () => {
		await expect(diffDiagrams('<html>', asIs, 'ru')).rejects.toThrow();
	});
});
