import type { ElementModel, EventDefinitionModel, FlowModel, ModelIssue, ProcessModel } from '../../bpmn/process-model';
import { compileExpression, expressionText } from '../expression';
import type { ElementKind, ExecElement, ExecEvent, ExecFlow, ExecutableDefinition, ExecLoop } from './executable';
import { computeUpstream } from './reachability';
import { validateProcess } from './validate-model';

export type CompileResult = { ok: true; definition: ExecutableDefinition } | { ok: false; issues: ModelIssue[] };

/** Compiles a validated process model into its executable definition, or lists why it cannot run. */
export function compileProcess(process: ProcessModel, version = 1): CompileResult {
	const issues = validateProcess(process);
	if (issues.length > 0) return { ok: false, issues };
	const elements = new Map<string, ExecElement>();
	const root = makeElement({ id: process.id, type: 'bpmn:Process', incoming: [], outgoing: [] }, 'process', undefined);
	if (process.name) root.name = process.name;
	buildContainer(root, process.elements, process.flows, elements);
	const starts: ExecutableDefinition['starts'] = { message: [], timer: [], signal: [] };
	for (const child of root.children) {
		if (child.kind !== 'startEvent') continue;
		if (child.event.type === 'none') starts.none = child;
		else if (child.event.type === 'message') starts.message.push(child);
		else if (child.event.type === 'timer') starts.timer.push(child);
		else if (child.event.type === 'signal') starts.signal.push(child);
	}
	return { ok: true, definition: { key: `${process.id}:${version}`, processId: process.id, version, root, elements, starts } };
}

function buildContainer(container: ExecElement, models: ElementModel[], flows: FlowModel[], all: Map<string, ExecElement>): void {
	const local = new Map<string, ExecElement>();
	for (const model of models) {
		const element = makeElement(model, kindOf(model), container);
		local.set(model.id, element);
		all.set(model.id, element);
		container.children.push(element);
		if (model.elements) buildContainer(element, model.elements, model.flows ?? [], all);
	}
	const flowById = new Map(flows.map((f) => [f.id, f]));
	for (const model of models) {
		const element = local.get(model.id) as ExecElement;
		element.outgoing = model.outgoing.map((id) => {
			const flow = flowById.get(id) as FlowModel;
			const exec: ExecFlow = { id, target: local.get(flow.target) as ExecElement };
			if (flow.condition !== undefined) exec.condition = compileExpression(flow.condition);
			return exec;
		});
		if (model.defaultFlow) element.defaultFlow = element.outgoing.find((f) => f.id === model.defaultFlow);
		if (model.attachedTo) {
			const host = local.get(model.attachedTo) as ExecElement;
			element.attachedTo = host;
			host.boundaries.push(element);
		}
		if (element.kind === 'startEvent' && element.event.type === 'none') container.noneStart = element;
		if (element.kind === 'eventSubProcess') {
			container.eventSubProcesses.push(element);
			element.trigger = element.children.find((c) => c.kind === 'startEvent');
			element.interrupting = element.trigger?.interrupting ?? true;
		}
	}
	for (const element of local.values()) {
		if (element.kind === 'inclusiveGateway' && element.incomingCount > 1) element.upstream = computeUpstream(element, container.children);
	}
}

function makeElement(model: ElementModel, kind: ElementKind, parent: ExecElement | undefined): ExecElement {
	const element: ExecElement = {
		id: model.id,
		type: model.type,
		kind,
		outgoing: [],
		incomingCount: model.incoming.length,
		event: compileEvent(model.eventDefinitions?.[0], model),
		boundaries: [],
		interrupting: model.cancelActivity !== false,
		eventSubProcesses: [],
		children: []
	};
	if (parent) element.parent = parent;
	if (model.name) element.name = model.name;
	if (model.potok) element.potok = model.potok;
	if (model.calledElement) element.calledElement = model.calledElement;
	if (model.loop) element.loop = compileLoop(model);
	if (kind === 'scriptTask' && model.script) {
		element.script = { expression: compileExpression(model.script.body) };
		if (model.script.resultVariable) element.script.resultVariable = model.script.resultVariable;
	}
	const robot = model.potok?.robot;
	if (robot) {
		element.robot = {
			type: robot.type,
			retries: robot.retries ?? 3,
			inputs: robot.inputs.map((i) => ({ name: i.name, value: compileExpression(i.value.startsWith('=') ? i.value : JSON.stringify(i.value)) }))
		};
	}
	return element;
}

function kindOf(model: ElementModel): ElementKind {
	switch (model.type) {
		case 'bpmn:StartEvent': return 'startEvent';
		case 'bpmn:EndEvent': return 'endEvent';
		case 'bpmn:IntermediateCatchEvent': return 'intermediateCatchEvent';
		case 'bpmn:IntermediateThrowEvent': return 'intermediateThrowEvent';
		case 'bpmn:BoundaryEvent': return 'boundaryEvent';
		case 'bpmn:UserTask': return 'userTask';
		case 'bpmn:ReceiveTask': return 'receiveTask';
		case 'bpmn:ScriptTask': return model.potok?.robot ? 'jobTask' : 'scriptTask';
		case 'bpmn:ServiceTask':
		case 'bpmn:SendTask': return model.potok?.robot ? 'jobTask' : 'immediateTask';
		case 'bpmn:ExclusiveGateway': return 'exclusiveGateway';
		case 'bpmn:ParallelGateway': return 'parallelGateway';
		case 'bpmn:InclusiveGateway': return 'inclusiveGateway';
		case 'bpmn:EventBasedGateway': return 'eventBasedGateway';
		case 'bpmn:SubProcess': return model.triggeredByEvent ? 'eventSubProcess' : 'subProcess';
		case 'bpmn:CallActivity': return 'callActivity';
		default: return 'immediateTask';
	}
}

function compileEvent(definition: EventDefinitionModel | undefined, model: ElementModel): ExecEvent {
	if (model.type === 'bpmn:ReceiveTask' && model.messageName) {
		return {
			type: 'message',
			name: model.messageName,
			...(model.correlationKey ? { correlationKey: compileExpression(model.correlationKey) } : {})
		};
	}
	switch (definition?.type) {
		case 'message':
			return {
				type: 'message',
				name: definition.messageName ?? '',
				...(definition.correlationKey ? { correlationKey: compileExpression(definition.correlationKey) } : {})
			};
		case 'timer': {
			const value = definition.timer.value.trim();
			return {
				type: 'timer',
				kind: definition.timer.kind,
				value,
				...(value.startsWith('=') ? { expression: compileExpression(value) } : {})
			};
		}
		case 'signal': return { type: 'signal', name: definition.signalName ?? '' };
		case 'error': return { type: 'error', ...(definition.errorCode ? { code: definition.errorCode } : {}) };
		case 'escalation': return { type: 'escalation', ...(definition.escalationCode ? { code: definition.escalationCode } : {}) };
		case 'terminate': return { type: 'terminate' };
		default: return { type: 'none' };
	}
}

function compileLoop(model: ElementModel): ExecLoop | undefined {
	const loop = model.loop;
	if (!loop) return undefined;
	const expr = (text: string | undefined) => (text !== undefined && expressionText(text) !== '' ? compileExpression(text) : undefined);
	if (loop.kind === 'standard') {
		const condition = expr(loop.condition);
		return {
			kind: 'standard',
			testBefore: loop.testBefore,
			...(condition ? { condition } : {}),
			...(loop.maximum !== undefined ? { maximum: loop.maximum } : {})
		};
	}
	const cardinality = expr(loop.cardinality);
	const collection = expr(loop.collection);
	const completionCondition = expr(loop.completionCondition);
	return {
		kind: 'multi',
		sequential: loop.sequential,
		...(cardinality ? { cardinality } : {}),
		...(collection ? { collection } : {}),
		...(loop.elementVariable ? { elementVariable: loop.elementVariable } : {}),
		...(completionCondition ? { completionCondition } : {})
	};
}
