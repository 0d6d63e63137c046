import type { ModdleElement } from 'bpmn-moddle';
import { createModdle } from '$lib/bpmn/parse-bpmn';

/**
 * Adds diagram interchange (shapes and edges) and the nodes' incoming and
 * outgoing references to a BPMN document written without them, so that hand-written test and template diagrams pass lint
 * (`no-bpmndi`) and open in the modeler. A plain layered layout: columns by
 * distance from the start event, rows in order of discovery; boundary events
 * sit on their task's lower edge.
 */
export async function withLayout(xml: string): Promise<string> {
	const moddle = createModdle();
	const { rootElement: definitions } = await moddle.fromXML(xml, 'bpmn:Definitions');
	const process = (definitions.rootElements as ModdleElement[]).find((e) => e.$type === 'bpmn:Process')!;
	const nodes = ((process.flowElements as ModdleElement[]) ?? []).filter((e) => e.$type !== 'bpmn:SequenceFlow');
	const flows = ((process.flowElements as ModdleElement[]) ?? []).filter((e) => e.$type === 'bpmn:SequenceFlow');
	// hand-written XML leaves out <incoming>/<outgoing>; bpmnlint reads them
	for (const flow of flows) {
		const source = flow.sourceRef as ModdleElement;
		const target = flow.targetRef as ModdleElement;
		if (!((source.outgoing as ModdleElement[] | undefined) ?? []).includes(flow)) source.outgoing = [...((source.outgoing as ModdleElement[] | undefined) ?? []), flow];
		if (!((target.incoming as ModdleElement[] | undefined) ?? []).includes(flow)) target.incoming = [...((target.incoming as ModdleElement[] | undefined) ?? []), flow];
	}
	const size = (e: ModdleElement) =>
		/Event$/.test(e.$type) ? { w: 36, h: 36 } : /Gateway$/.test(e.$type) ? { w: 50, h: 50 } : { w: 120, h: 80 };

	const column = new Map<string, number>();
	const starts = nodes.filter((n) => n.$type === 'bpmn:StartEvent');
	const queue = starts.map((s) => s.id as string);
	for (const id of queue) column.set(id, 0);
	const outgoing = (id: string) => flows.filter((f) => (f.sourceRef as ModdleElement).id === id).map((f) => (f.targetRef as ModdleElement).id as string);
	const boundaries = nodes.filter((n) => n.$type === 'bpmn:BoundaryEvent');
	while (queue.length > 0) {
		const id = queue.shift()!;
		const next = [...outgoing(id), ...boundaries.filter((b) => (b.attachedToRef as ModdleElement).id === id).flatMap((b) => outgoing(b.id as string))];
		for (const target of next) {
			if (column.has(target)) continue;
			column.set(target, column.get(id)! + 1);
			queue.push(target);
		}
	}
	const rows = new Map<number, number>();
	const bounds = new Map<string, { x: number; y: number; w: number; h: number }>();
	for (const node of nodes) {
		if (node.$type === 'bpmn:BoundaryEvent') continue;
		const c = column.get(node.id as string) ?? 0;
		const r = rows.get(c) ?? 0;
		rows.set(c, r + 1);
		const { w, h } = size(node);
		bounds.set(node.id as string, { x: 150 + c * 200 + (120 - w) / 2, y: 100 + r * 160 + (80 - h) / 2, w, h });
	}
	for (const b of boundaries) {
		const host = bounds.get((b.attachedToRef as ModdleElement).id as string)!;
		bounds.set(b.id as string, { x: host.x + host.w - 30, y: host.y + host.h - 18, w: 36, h: 36 });
	}

	const plane = moddle.create('bpmndi:BPMNPlane', { id: 'Plane_1', bpmnElement: process, planeElement: [] });
	for (const node of nodes) {
		const b = bounds.get(node.id as string)!;
		(plane.planeElement as ModdleElement[]).push(
			moddle.create('bpmndi:BPMNShape', { id: `${node.id}_di`, bpmnElement: node, bounds: moddle.create('dc:Bounds', { x: b.x, y: b.y, width: b.w, height: b.h }) })
		);
	}
	for (const flow of flows) {
		const s = bounds.get((flow.sourceRef as ModdleElement).id as string)!;
		const t = bounds.get((flow.targetRef as ModdleElement).id as string)!;
		const from = { x: s.x + s.w, y: s.y + s.h / 2 };
		const to = { x: t.x, y: t.y + t.h / 2 };
		const points = from.y === to.y ? [from, to] : [from, { x: (from.x + to.x) / 2, y: from.y }, { x: (from.x + to.x) / 2, y: to.y }, to];
		(plane.planeElement as ModdleElement[]).push(
			moddle.create('bpmndi:BPMNEdge', { id: `${flow.id}_di`, bpmnElement: flow, waypoint: points.map((p) => moddle.create('dc:Point', p)) })
		);
	}
	// lanes span the nodes they hold
	for (const set of (process.laneSets as ModdleElement[] | undefined) ?? []) {
		for (const lane of (set.lanes as ModdleElement[] | undefined) ?? []) {
			const held = ((lane.flowNodeRef as ModdleElement[] | undefined) ?? []).map((n) => bounds.get(n.id as string)!).filter(Boolean);
			const x = Math.min(...held.map((b) => b.x)) - 60;
			const y = Math.min(...held.map((b) => b.y)) - 40;
			const w = Math.max(...held.map((b) => b.x + b.w)) - x + 40;
			const h = Math.max(...held.map((b) => b.y + b.h)) - y + 40;
			(plane.planeElement as ModdleElement[]).unshift(
				moddle.create('bpmndi:BPMNShape', { id: `${lane.id}_di`, bpmnElement: lane, isHorizontal: true, bounds: moddle.create('dc:Bounds', { x, y, width: w, height: h }) })
			);
		}
	}
	definitions.diagrams = [moddle.create('bpmndi:BPMNDiagram', { id: 'Diagram_1', plane })];
	const { xml: out } = await moddle.toXML(definitions, { format: true });
	return out;
}
