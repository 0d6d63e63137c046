import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import potokDescriptor from './potok.json';
import { readPotokExtensions } from './read-potok-extensions';
import {
	definitionsSchema,
	type DefinitionsModel,
	type ElementModel,
	type EventDefinitionModel,
	type FlowModel,
	type LoopModel,
	type ModelIssue,
	type ProcessModel
} from './process-model';

/** The result of parsing: the model, or every issue found (an expected failure, not a throw). */
export type ParseResult =
	| { ok: true; model: DefinitionsModel; warnings: string[] }
	| { ok: false; issues: ModelIssue[] };

/** A moddle configured with the Potok extension; browser and server read the same descriptor. */
export function createModdle(): BpmnModdle {
	return new BpmnModdle({ potok: potokDescriptor });
}

const ignoredTypes = new Set([
	'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:DataObject', 'bpmn:DataObjectReference',
	'bpmn:DataStoreReference', 'bpmn:DataInputAssociation', 'bpmn:DataOutputAssociation'
]);

/** Parses a BPMN 2.0 XML document into the typed, validated process model. */
export async function parseBpmn(xml: string): Promise<ParseResult> {
	let root: ModdleElement;
	let moddleWarnings: { message: string }[];
	try {
		const result = await createModdle().fromXML(xml, 'bpmn:Definitions');
		root = result.rootElement;
		moddleWarnings = result.warnings;
	} catch (error) {
		return { ok: false, issues: [{ message: `Not a BPMN 2.0 document: ${(error as Error).message}` }] };
	}
	const issues: ModelIssue[] = [];
	const rootElements = (root.rootElements as ModdleElement[] | undefined) ?? [];
	const processes = rootElements.filter((e) => e.$type === 'bpmn:Process').map((p) => readProcess(p, issues));
	if (issues.length > 0) return { ok: false, issues };
	const parsed = definitionsSchema.safeParse({ id: root.id, processes });
	if (!parsed.success) {
		return {
			ok: false,
			issues: parsed.error.issues.map((i) => issueAt({ processes }, i.path, i.message))
		};
	}
	return { ok: true, model: parsed.data, warnings: moddleWarnings.map((w) => w.message) };
}

function readProcess(process: ModdleElement, issues: ModelIssue[]): ProcessModel {
	const { elements, flows } = readContainer(process, issues);
	applyLaneAssignments(process, elements, issues);
	return {
		id: process.id ?? '',
		...(process.name ? { name: process.name } : {}),
		isExecutable: process.isExecutable === true,
		elements,
		flows
	};
}

function readContainer(container: ModdleElement, issues: ModelIssue[]): { elements: ElementModel[]; flows: FlowModel[] } {
	const elements: ElementModel[] = [];
	const flows: FlowModel[] = [];
	for (const node of (container.flowElements as ModdleElement[] | undefined) ?? []) {
		if (node.$type === 'bpmn:SequenceFlow') flows.push(readFlow(node));
		else if (!ignoredTypes.has(node.$type)) elements.push(readElement(node, issues));
	}
	// Incoming and outgoing come from the flows themselves: hand-written XML often omits the lists.
	const byId = new Map(elements.map((e) => [e.id, e]));
	for (const flow of flows) {
		byId.get(flow.source)?.outgoing.push(flow.id);
		byId.get(flow.target)?.incoming.push(flow.id);
	}
	return { elements, flows };
}

function readFlow(flow: ModdleElement): FlowModel {
	const condition = expressionBody(flow.conditionExpression);
	return {
		id: flow.id ?? '',
		...(flow.name ? { name: flow.name } : {}),
		source: refId(flow.sourceRef),
		target: refId(flow.targetRef),
		...(condition !== undefined ? { condition } : {})
	};
}

function readElement(node: ModdleElement, issues: ModelIssue[]): ElementModel {
	const element: ElementModel = {
		id: node.id ?? '',
		type: node.$type,
		incoming: [],
		outgoing: []
	};
	if (node.name) element.name = node.name;
	const definitions = node.eventDefinitions as ModdleElement[] | undefined;
	if (definitions && definitions.length > 0) element.eventDefinitions = definitions.map(readEventDefinition);
	if (node.attachedToRef) element.attachedTo = refId(node.attachedToRef);
	if (node.$type === 'bpmn:BoundaryEvent') element.cancelActivity = node.cancelActivity !== false;
	if (node.$type === 'bpmn:StartEvent' && node.isInterrupting === false) element.cancelActivity = false;
	if (node.default) element.defaultFlow = refId(node.default);
	if (node.triggeredByEvent === true) element.triggeredByEvent = true;
	if (typeof node.calledElement === 'string') element.calledElement = node.calledElement;
	const message = node.messageRef as ModdleElement | undefined;
	if (message) {
		if (message.name) element.messageName = message.name;
		const key = message.correlationKey;
		if (typeof key === 'string') element.correlationKey = key;
	}
	if (node.$type === 'bpmn:ScriptTask' && typeof node.script === 'string') {
		element.script = {
			body: node.script,
			...(typeof node.scriptFormat === 'string' ? { format: node.scriptFormat } : {}),
			...(typeof node.resultVariable === 'string' ? { resultVariable: node.resultVariable } : {})
		};
	}
	const loop = readLoop(node.loopCharacteristics as ModdleElement | undefined);
	if (loop) element.loop = loop;
	const potok = readPotokExtensions(node, issues);
	if (potok) element.potok = potok;
	const unsupported = unsupportedFeatures(node);
	if (unsupported.length > 0) element.unsupported = unsupported;
	if (node.$type === 'bpmn:SubProcess' || node.$type === 'bpmn:Transaction' || node.$type === 'bpmn:AdHocSubProcess') {
		const { elements, flows } = readContainer(node, issues);
		element.elements = elements;
		element.flows = flows;
	}
	return element;
}

/** Attributes that change what an element does and that Potok does not run. */
function unsupportedFeatures(node: ModdleElement): string[] {
	const out: string[] = [];
	if (node.$type === 'bpmn:EventBasedGateway' && node.instantiate === true) out.push('an instantiating event-based gateway');
	if (node.$type === 'bpmn:EventBasedGateway' && node.eventGatewayType === 'Parallel') out.push('a parallel event-based gateway');
	if (typeof node.startQuantity === 'number' && node.startQuantity !== 1) out.push('startQuantity other than 1');
	if (typeof node.completionQuantity === 'number' && node.completionQuantity !== 1) out.push('completionQuantity other than 1');
	if (node.isForCompensation === true) out.push('compensation activities');
	const loop = node.loopCharacteristics as ModdleElement | undefined;
	if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics' && typeof loop.behavior === 'string' && loop.behavior !== 'All') {
		out.push(`multi-instance behavior ${loop.behavior}`);
	}
	if (node.$type === 'bpmn:StartEvent' && node.parallelMultiple === true) out.push('parallel multiple start events');
	return out;
}

function readEventDefinition(def: ModdleElement): EventDefinitionModel {
	switch (def.$type) {
		case 'bpmn:MessageEventDefinition': {
			const message = def.messageRef as ModdleElement | undefined;
			const key = message?.correlationKey;
			return {
				type: 'message',
				...(message?.name ? { messageName: message.name } : {}),
				...(typeof key === 'string' ? { correlationKey: key } : {})
			};
		}
		case 'bpmn:TimerEventDefinition': {
			const duration = expressionBody(def.timeDuration);
			const date = expressionBody(def.timeDate);
			const cycle = expressionBody(def.timeCycle);
			if (cycle !== undefined) return { type: 'timer', timer: { kind: 'cycle', value: cycle } };
			if (date !== undefined) return { type: 'timer', timer: { kind: 'date', value: date } };
			return { type: 'timer', timer: { kind: 'duration', value: duration ?? '' } };
		}
		case 'bpmn:SignalEventDefinition': {
			const signal = def.signalRef as ModdleElement | undefined;
			return { type: 'signal', ...(signal?.name ? { signalName: signal.name } : {}) };
		}
		case 'bpmn:ErrorEventDefinition': {
			const error = def.errorRef as ModdleElement | undefined;
			const code = error?.errorCode ?? error?.name;
			return { type: 'error', ...(typeof code === 'string' ? { errorCode: code } : {}) };
		}
		case 'bpmn:EscalationEventDefinition': {
			const escalation = def.escalationRef as ModdleElement | undefined;
			const code = escalation?.escalationCode ?? escalation?.name;
			return { type: 'escalation', ...(typeof code === 'string' ? { escalationCode: code } : {}) };
		}
		case 'bpmn:TerminateEventDefinition':
			return { type: 'terminate' };
		default:
			return { type: 'unsupported', bpmnType: def.$type };
	}
}

function readLoop(loop: ModdleElement | undefined): LoopModel | undefined {
	if (!loop) return undefined;
	if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
		const condition = expressionBody(loop.loopCondition);
		const maximum = Number(loop.loopMaximum);
		return {
			kind: 'standard',
			testBefore: loop.testBefore === true,
			...(condition !== undefined ? { condition } : {}),
			...(Number.isInteger(maximum) ? { maximum } : {})
		};
	}
	const cardinality = expressionBody(loop.loopCardinality);
	const completionCondition = expressionBody(loop.completionCondition);
	return {
		kind: 'multi',
		sequential: loop.isSequential === true,
		...(cardinality !== undefined ? { cardinality } : {}),
		...(completionCondition !== undefined ? { completionCondition } : {}),
		...(typeof loop.collection === 'string' ? { collection: loop.collection } : {}),
		...(typeof loop.elementVariable === 'string' ? { elementVariable: loop.elementVariable } : {})
	};
}

/** Lanes carry a default assignment for the user tasks they hold (DESIGN: potok:assignment). */
function applyLaneAssignments(process: ModdleElement, elements: ElementModel[], issues: ModelIssue[]): void {
	const byId = new Map(elements.map((e) => [e.id, e]));
	const visit = (laneSets: ModdleElement[] | undefined) => {
		for (const set of laneSets ?? []) {
			for (const lane of (set.lanes as ModdleElement[] | undefined) ?? []) {
				const assignment = readPotokExtensions(lane, issues)?.assignment;
				if (assignment) {
					for (const ref of (lane.flowNodeRef as ModdleElement[] | undefined) ?? []) {
						const element = byId.get(refId(ref));
						if (element && element.type === 'bpmn:UserTask' && !element.potok?.assignment) {
							element.potok = { ...element.potok, assignment };
						}
					}
				}
				const child = lane.childLaneSet as ModdleElement | undefined;
				if (child) visit([child]);
			}
		}
	};
	visit(process.laneSets as ModdleElement[] | undefined);
}

function expressionBody(expression: unknown): string | undefined {
	const body = (expression as ModdleElement | undefined)?.body;
	return typeof body === 'string' && body.trim() !== '' ? body.trim() : undefined;
}

function refId(ref: unknown): string {
	return (ref as ModdleElement | undefined)?.id ?? '';
}

/** Names the innermost element on a zod issue path, so the message says where to look. */
function issueAt(root: unknown, path: PropertyKey[], message: string): ModelIssue {
	let node: unknown = root;
	let element: { id?: string; name?: string } | undefined;
	let rest: PropertyKey[] = path;
	for (let i = 0; i < path.length; i++) {
		node = (node as Record<PropertyKey, unknown> | undefined)?.[path[i] as PropertyKey];
		if (node && typeof node === 'object' && 'id' in node && 'type' in node) {
			element = node as { id?: string; name?: string };
			rest = path.slice(i + 1);
		}
	}
	return {
		...(element?.id ? { elementId: element.id } : {}),
		...(element?.name ? { elementName: element.name } : {}),
		field: rest.map(String).join('.'),
		message
	};
}
