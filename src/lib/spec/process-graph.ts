import type { DefinitionsModel, ElementModel, FlowModel } from '$lib/bpmn';

/**
 * The process model as a graph a reader walks: every element and flow by id (subprocess
 * contents included), boundary events by the activity they sit on, and the stages in the order
 * the flow reaches them from the start — the order a ТЗ lists them in.
 */
export interface ProcessGraph {
	elements: Map<string, ElementModel>;
	flows: Map<string, FlowModel>;
	boundaries: Map<string, ElementModel[]>;
	/** Start events of the processes themselves (not of subprocesses), in document order. */
	starts: ElementModel[];
	/** Event subprocesses: what can happen at any moment of their scope. */
	eventSubprocesses: ElementModel[];
	/** All elements in document order. */
	ordered: ElementModel[];
}

export function isStage(element: ElementModel): boolean {
	return element.potok?.stage !== undefined;
}

/** A stage's name as the record shows it: the stage label, else the element name, else its id. */
export function stageName(element: ElementModel): string {
	return element.potok?.stage?.label || element.name || element.id;
}

export function buildGraph(model: DefinitionsModel): ProcessGraph {
	const graph: ProcessGraph = { elements: new Map(), flows: new Map(), boundaries: new Map(), starts: [], eventSubprocesses: [], ordered: [] };
	const add = (elements: ElementModel[], flows: FlowModel[], topLevel: boolean) => {
		for (const flow of flows) graph.flows.set(flow.id, flow);
		for (const element of elements) {
			graph.elements.set(element.id, element);
			graph.ordered.push(element);
			if (element.attachedTo) {
				const list = graph.boundaries.get(element.attachedTo) ?? [];
				list.push(element);
				graph.boundaries.set(element.attachedTo, list);
			}
			if (topLevel && element.type === 'bpmn:StartEvent') graph.starts.push(element);
			if (element.triggeredByEvent) graph.eventSubprocesses.push(element);
			if (element.elements) add(element.elements, element.flows ?? [], false);
		}
	};
	for (const process of model.processes) add(process.elements, process.flows, true);
	return graph;
}

/** The start events inside a subprocess. */
export function innerStarts(element: ElementModel): ElementModel[] {
	return (element.elements ?? []).filter((child) => child.type === 'bpmn:StartEvent');
}

/**
 * Stages in the order a depth-first walk from the start events reaches them (outgoing flows in
 * document order, then boundary events); stages no walk reaches follow in document order.
 */
export function stageOrder(graph: ProcessGraph): ElementModel[] {
	const seen = new Set<string>();
	const order: ElementModel[] = [];
	const visit = (id: string) => {
		const element = graph.elements.get(id);
		if (!element || seen.has(id)) return;
		seen.add(id);
		if (isStage(element)) order.push(element);
		if (element.elements && !element.triggeredByEvent) for (const start of innerStarts(element)) visit(start.id);
		for (const flowId of element.outgoing) {
			const flow = graph.flows.get(flowId);
			if (flow) visit(flow.target);
		}
		for (const boundary of graph.boundaries.get(id) ?? []) visit(boundary.id);
	};
	for (const start of graph.starts) visit(start.id);
	for (const sub of graph.eventSubprocesses) for (const start of innerStarts(sub)) visit(start.id);
	for (const element of graph.ordered) if (isStage(element) && !seen.has(element.id)) order.push(element);
	return order;
}
