import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { createModdle } from '$lib/bpmn';
import type { DiagramElement } from '$lib/modeler/potok-properties/extension-elements';
import { diffSnapshots, snapshotBpmn, type BpmnSnapshot } from '../../../helpers/bpmn-compare';
import { mountModeler } from '../mount-modeler';
import fromAnotherTool from './from-another-tool.bpmn?raw';

interface Modeling {
	updateLabel(element: DiagramElement, text: string): void;
	removeElements(elements: DiagramElement[]): void;
	updateModdleProperties(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
	createShape(shape: DiagramElement, position: { x: number; y: number }, parent: DiagramElement): DiagramElement;
}
interface ElementFactory {
	createShape(attrs: Record<string, unknown>): DiagramElement;
}
type Shape = DiagramElement & { di: ModdleElement };

async function snapshot(xml: string): Promise<BpmnSnapshot> {
	const { rootElement, warnings } = await createModdle().fromXML(xml, 'bpmn:Definitions');
	expect(warnings.map((w) => w.message)).toEqual([]);
	return snapshotBpmn(rootElement);
}

/** The diagrams of an exported file, each as the element its plane shows and the elements drawn on it. */
async function diagrams(xml: string): Promise<{ plane: string; drawn: string[] }[]> {
	const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
	return ((rootElement.diagrams as ModdleElement[]) ?? []).map((diagram) => {
		const plane = diagram.plane as ModdleElement;
		const elements = (plane.planeElement as ModdleElement[] | undefined) ?? [];
		return { plane: (plane.bpmnElement as ModdleElement).id!, drawn: elements.map((di) => (di.bpmnElement as ModdleElement | undefined)?.id ?? `(${di.id})`) };
	});
}

async function mount() {
	const modeler = await mountModeler(fromAnotherTool);
	const service = <T>(name: string) => modeler.api.service<T>(name)!;
	return { ...modeler, modeling: service<Modeling>('modeling'), elementFactory: service<ElementFactory>('elementFactory'), shape: (id: string) => modeler.element(id) as Shape };
}

describe('export fidelity: a file saved by the modeler comes back as it was imported', { timeout: 60_000 }, () => {
	it('writes an untouched file back unchanged: undrawn DI kept, no isMarkerVisible or drill-down diagram added', async () => {
		const { api, shape } = await mount();
		const before = await snapshot(fromAnotherTool);

		const first = await api.getXML();
		expect(diffSnapshots(before, await snapshot(first))).toEqual([]);
		// the canvas still shows the gateway's "X", and a second save writes the same file
		expect(shape('gateway_unset').di.isMarkerVisible).toBe(true);
		expect(await api.getXML()).toBe(first);
	});

	it('writes an untouched file back unchanged from the read-only viewer too', async () => {
		const { api } = await mountModeler(fromAnotherTool, { readonly: true });

		expect(diffSnapshots(await snapshot(fromAnotherTool), await snapshot(await api.getXML()))).toEqual([]);
	});

	it('writes a renamed task and leaves out a deleted gateway, its flows and its shape', async () => {
		const { api, modeling, element } = await mount();
		modeling.updateLabel(element('call_client'), 'Позвонить и записать');
		modeling.removeElements([element('gateway_unset')]);

		const after = await snapshot(await api.getXML());
		expect(after.elements.call_client).toMatchObject({ name: 'Позвонить и записать' });
		expect(Object.keys(after.elements)).not.toContain('gateway_unset');
		expect(Object.keys(after.elements)).not.toContain('flow_gateway_sub');
		expect(Object.keys(after.shapes)).not.toContain('gateway_unset_di');
		expect(Object.keys(after.edges)).not.toContain('flow_gateway_sub_di');
		// what bpmn-js never drew is still written
		expect(Object.keys(after.shapes)).toEqual(expect.arrayContaining(['hidden_task_di', 'call_client_second_di']));
		expect(Object.keys(after.edges)).toContain('loose_edge_di');
	});

	it('leaves out the undrawn DI of a deleted element, and an undrawn edge whose shape went with it', async () => {
		const { api, modeling, element } = await mount();
		modeling.removeElements([element('call_client')]);

		const xml = await api.getXML();
		const after = await snapshot(xml);
		expect(Object.keys(after.shapes)).not.toContain('call_client_di');
		expect(Object.keys(after.shapes)).not.toContain('call_client_second_di');
		expect(Object.keys(after.edges)).not.toContain('loose_edge_di');
		expect(Object.keys(after.shapes)).toContain('hidden_task_di');

		api.undo();
		expect(Object.keys((await snapshot(await api.getXML())).edges)).toContain('loose_edge_di');
	});

	it('leaves out the undrawn DI of elements that went with a deleted pool', async () => {
		const { api, modeling, element } = await mount();
		modeling.removeElements([element('pool')]);

		const after = await snapshot(await api.getXML());
		expect(Object.keys(after.elements)).not.toContain('call_client');
		expect(Object.keys(after.shapes)).not.toContain('call_client_second_di');
		// the unreferenced process is no part of the pool: its task keeps its shape
		expect(Object.keys(after.elements)).toContain('hidden_task');
		expect(Object.keys(after.shapes)).toContain('hidden_task_di');
	});

	it('writes isMarkerVisible once the user sets it, and leaves it out again when that is undone', async () => {
		const { api, modeling, shape } = await mount();
		const gateway = shape('gateway_unset');
		const written = async () => (await snapshot(await api.getXML())).shapes.gateway_unset_di as Record<string, unknown>;

		modeling.updateModdleProperties(gateway, gateway.di, { isMarkerVisible: false });
		expect((await written()).isMarkerVisible).toBe(false);
		api.undo();
		expect(await written()).not.toHaveProperty('isMarkerVisible');
		modeling.updateModdleProperties(gateway, gateway.di, { isMarkerVisible: false });
		modeling.updateModdleProperties(gateway, gateway.di, { isMarkerVisible: true });
		expect((await written()).isMarkerVisible).toBe(true);
	});

	it('keeps the drill-down diagram of a collapsed subprocess once something is drawn inside, and drops it when that is undone', async () => {
		const { api, modeling, elementFactory, element } = await mount();
		expect(await diagrams(await api.getXML())).toEqual([expect.objectContaining({ plane: 'collab' })]);

		const task = modeling.createShape(elementFactory.createShape({ type: 'bpmn:Task' }), { x: 300, y: 200 }, element('collapsed_sub_plane'));
		const drawn = await diagrams(await api.getXML());
		expect(drawn).toHaveLength(2);
		expect(drawn[1]).toEqual({ plane: 'collapsed_sub', drawn: [task.id] });

		api.undo();
		expect(await diagrams(await api.getXML())).toHaveLength(1);
	});

	it('writes the drill-down diagram bpmn-js gives a collapsed subprocess the user adds', async () => {
		const { api, modeling, elementFactory, element } = await mount();
		const added = modeling.createShape(elementFactory.createShape({ type: 'bpmn:SubProcess', isExpanded: false }), { x: 700, y: 160 }, element('pool'));

		expect((await diagrams(await api.getXML())).map((d) => d.plane)).toEqual(['collab', added.id]);
	});
});
