import type { ElementModel, EventDefinitionModel, FlowModel, ModelIssue, ProcessModel } from '../../bpmn/process-model';
import { checkSyntax } from '../expression';
import { parseCycle, parseDateTime, parseDuration } from '../iso-time';

/**
 * Structural rules a process must satisfy before it runs. Each broken rule is an issue naming the
 * element, so nothing unsupported or invalid is ever silently ignored at run time.
 */

const supported = new Set([
	'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:BoundaryEvent',
	'bpmn:Task', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ReceiveTask', 'bpmn:ScriptTask', 'bpmn:ManualTask',
	'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway',
	'bpmn:SubProcess', 'bpmn:CallActivity'
]);

const activities = new Set([
	'bpmn:Task', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ReceiveTask', 'bpmn:ScriptTask', 'bpmn:ManualTask',
	'bpmn:SubProcess', 'bpmn:CallActivity'
]);

type Place = 'process' | 'subProcess' | 'eventSubProcess';

const allowedEvents: Record<string, (place: Place) => EventDefinitionModel['type'][]> = {
	'bpmn:StartEvent': (place) =>
		place === 'process' ? ['message', 'timer', 'signal'] : place === 'subProcess' ? [] : ['message', 'timer', 'signal', 'error', 'escalation'],
	'bpmn:EndEvent': () => ['terminate', 'error', 'message', 'signal', 'escalation'],
	'bpmn:IntermediateCatchEvent': () => ['timer', 'message', 'signal'],
	'bpmn:IntermediateThrowEvent': () => ['message', 'signal', 'escalation'],
	'bpmn:BoundaryEvent': () => ['timer', 'message', 'signal', 'error', 'escalation']
};

export function validateProcess(process: ProcessModel): ModelIssue[] {
	const issues: ModelIssue[] = [];
	if (!process.isExecutable) issues.push({ elementId: process.id, message: 'the process is not marked executable' });
	validateContainer(process.id, process.elements, process.flows, 'process', issues);
	return issues;
}

function validateContainer(containerId: string, elements: ElementModel[], flows: FlowModel[], place: Place, issues: ModelIssue[]): void {
	const byId = new Map(elements.map((e) => [e.id, e]));
	const issue = (element: ElementModel | undefined, message: string, field?: string) =>
		issues.push({
			...(element ? { elementId: element.id } : { elementId: containerId }),
			...(element?.name ? { elementName: element.name } : {}),
			...(field ? { field } : {}),
			message
		});

	for (const flow of flows) {
		const source = byId.get(flow.source);
		const target = byId.get(flow.target);
		if (!source || !target) {
			issues.push({ elementId: flow.id, message: `the sequence flow crosses the border of ${containerId} (or names an unknown element)` });
			continue;
		}
		if (target.type === 'bpmn:StartEvent') issues.push({ elementId: flow.id, message: `a sequence flow may not enter the start event ${target.id}` });
		if (target.type === 'bpmn:BoundaryEvent') issues.push({ elementId: flow.id, message: `a sequence flow may not enter the boundary event ${target.id}` });
		if (target.triggeredByEvent) issues.push({ elementId: flow.id, message: `a sequence flow may not enter the event subprocess ${target.id}` });
		if (source.type === 'bpmn:EndEvent') issues.push({ elementId: flow.id, message: `a sequence flow may not leave the end event ${source.id}` });
		if (source.triggeredByEvent) issues.push({ elementId: flow.id, message: `a sequence flow may not leave the event subprocess ${source.id}` });
		if (flow.condition !== undefined) {
			if (source.type === 'bpmn:ParallelGateway') {
				issues.push({ elementId: flow.id, message: `conditions are not allowed on the outgoing flows of the parallel gateway ${source.id}` });
			} else if (source.type !== 'bpmn:ExclusiveGateway' && source.type !== 'bpmn:InclusiveGateway') {
				issues.push({ elementId: flow.id, message: `conditional flows are only supported out of exclusive and inclusive gateways, not out of ${source.id}` });
			} else if (source.defaultFlow === flow.id) {
				issues.push({ elementId: flow.id, message: `the default flow of ${source.id} may not have a condition` });
			} else {
				const bad = checkSyntax(flow.condition);
				if (bad) issues.push({ elementId: flow.id, field: 'conditionExpression', message: `${bad} in \`${flow.condition}\`` });
			}
		}
	}

	let noneStarts = 0;
	let anyStart = 0;
	for (const element of elements) {
		if (!supported.has(element.type)) {
			issue(element, `${element.type.replace('bpmn:', '')} is not supported by the Potok engine`);
			continue;
		}
		if (element.triggeredByEvent && element.type !== 'bpmn:SubProcess') issue(element, 'only a subprocess can be triggered by an event');
		for (const feature of element.unsupported ?? []) issue(element, `${feature} is not supported by the Potok engine`);
		const definitions = element.eventDefinitions ?? [];
		if (definitions.length > 1) issue(element, 'events with several event definitions are not supported');
		const definition = definitions[0];
		if (definition?.type === 'unsupported') {
			issue(element, `${definition.bpmnType.replace('bpmn:', '')} is not supported by the Potok engine`);
			continue;
		}
		const allowed = allowedEvents[element.type];
		if (definition && (!allowed || !allowed(place).includes(definition.type))) {
			issue(element, `a ${definition.type} event definition is not supported on a ${element.type.replace('bpmn:', '')} here`);
		}
		if (element.type === 'bpmn:IntermediateCatchEvent' && !definition) issue(element, 'an intermediate catch event needs a timer, message or signal');
		if (element.type === 'bpmn:BoundaryEvent') {
			if (!definition) issue(element, 'a boundary event needs an event definition');
			const host = element.attachedTo ? byId.get(element.attachedTo) : undefined;
			if (!host || !activities.has(host.type)) issue(element, 'a boundary event must be attached to an activity in the same scope', 'attachedToRef');
			if (definition?.type === 'error' && element.cancelActivity === false) issue(element, 'an error boundary event is always interrupting');
		}
		if (element.type === 'bpmn:StartEvent') {
			anyStart++;
			if (!definition) noneStarts++;
			if (place === 'eventSubProcess' && !definition) issue(element, 'the start event of an event subprocess needs a trigger');
		}
		if (definition) validateEventDefinition(element, definition, issue);
		if (element.type === 'bpmn:EndEvent' && element.outgoing.length > 0) continue;
		const isEntry = element.type === 'bpmn:StartEvent' || element.type === 'bpmn:BoundaryEvent' || element.triggeredByEvent === true;
		if (!isEntry && element.incoming.length === 0) issue(element, 'the element has no incoming sequence flow, so it can never run');
		if (element.defaultFlow !== undefined && !element.outgoing.includes(element.defaultFlow)) {
			issue(element, `the default flow ${element.defaultFlow} is not an outgoing flow`, 'default');
		}
		if (element.type === 'bpmn:EventBasedGateway') validateEventGateway(element, byId, flows, issue);
		if (element.type === 'bpmn:CallActivity' && !element.calledElement) issue(element, 'a call activity needs the id of the process it calls', 'calledElement');
		if (element.type === 'bpmn:ReceiveTask' && !element.messageName) {
			issue(element, 'a receive task needs a message with a name', 'messageRef');
		}
		if (element.type === 'bpmn:ScriptTask' && element.script) {
			const format = element.script.format?.toLowerCase();
			if (format !== undefined && format !== 'feel') issue(element, `only FEEL scripts are supported, not ${element.script.format}`, 'scriptFormat');
			else checkExpression(element, element.script.body, 'script', issue);
		}
		if (element.loop) validateLoop(element, issue);
		validatePotokPlacement(element, issue);
		if (element.potok?.task?.due) checkTimeValue(element, element.potok.task.due, 'duration', 'potok:task.due', issue);
		if (element.type === 'bpmn:SubProcess') {
			validateContainer(element.id, element.elements ?? [], element.flows ?? [], element.triggeredByEvent ? 'eventSubProcess' : 'subProcess', issues);
		}
	}
	if (place === 'eventSubProcess' && anyStart !== 1) issue(undefined, 'an event subprocess needs exactly one start event');
	if (place === 'subProcess' && noneStarts !== 1) issue(undefined, 'an embedded subprocess needs exactly one none start event');
	if (place === 'process' && noneStarts > 1) issue(undefined, 'a process may have at most one none start event');
	if (place === 'process' && anyStart === 0) issue(undefined, 'the process has no start event');
}

type IssueFn = (element: ElementModel | undefined, message: string, field?: string) => void;

function validateEventDefinition(element: ElementModel, definition: EventDefinitionModel, issue: IssueFn): void {
	if (definition.type === 'message') {
		if (!definition.messageName) issue(element, 'the message event needs a message with a name', 'messageRef');
		if (definition.correlationKey) checkExpression(element, definition.correlationKey, 'potok:correlationKey', issue);
	}
	if (definition.type === 'signal' && !definition.signalName) issue(element, 'the signal event needs a signal with a name', 'signalRef');
	if (definition.type === 'timer') checkTimeValue(element, definition.timer.value, definition.timer.kind, `timer.${definition.timer.kind}`, issue);
}

function checkTimeValue(element: ElementModel, value: string, kind: 'duration' | 'date' | 'cycle', field: string, issue: IssueFn): void {
	if (value.trim() === '') return issue(element, 'the timer has no value', field);
	if (value.trim().startsWith('=')) return checkExpression(element, value, field, issue);
	const ok = kind === 'duration' ? parseDuration(value) : kind === 'date' ? parseDateTime(value) : parseCycle(value);
	if (ok === undefined) issue(element, `\`${value}\` is not an ISO 8601 ${kind}`, field);
}

function checkExpression(element: ElementModel, source: string, field: string, issue: IssueFn): void {
	const bad = checkSyntax(source);
	if (bad) issue(element, `${bad} in \`${source}\``, field);
}

function validateLoop(element: ElementModel, issue: IssueFn): void {
	const loop = element.loop;
	if (!loop) return;
	if (loop.kind === 'standard') {
		if (loop.condition) checkExpression(element, loop.condition, 'loopCondition', issue);
		if (!loop.condition && loop.maximum === undefined) issue(element, 'a standard loop needs a loop condition or a loop maximum', 'loopCondition');
		return;
	}
	if (!loop.cardinality && !loop.collection) issue(element, 'a multi-instance activity needs loopCardinality or potok:collection', 'loopCharacteristics');
	if (loop.cardinality) checkExpression(element, loop.cardinality, 'loopCardinality', issue);
	if (loop.collection) checkExpression(element, loop.collection, 'potok:collection', issue);
	if (loop.completionCondition) checkExpression(element, loop.completionCondition, 'completionCondition', issue);
}

/** A potok annotation on an element that cannot use it would be ignored: reject it instead. */
function validatePotokPlacement(element: ElementModel, issue: IssueFn): void {
	const potok = element.potok;
	if (!potok) return;
	const t = element.type;
	const place = (ok: boolean, what: string, where: string) => {
		if (!ok) issue(element, `${what} is only allowed on ${where}`, what);
	};
	if (potok.robot) place(t === 'bpmn:ServiceTask' || t === 'bpmn:SendTask' || t === 'bpmn:ScriptTask', 'potok:robot', 'service, send and script tasks');
	if (potok.stage) place(t === 'bpmn:UserTask' || t === 'bpmn:Task', 'potok:stage', 'user tasks and plain tasks');
	if (potok.fields) place(t === 'bpmn:UserTask', 'potok:fields', 'user tasks');
	if (potok.outcomes) place(t === 'bpmn:UserTask', 'potok:outcomes', 'user tasks');
	if (potok.assignment) place(t === 'bpmn:UserTask', 'potok:assignment', 'user tasks and lanes');
	if (potok.task) place(t === 'bpmn:UserTask', 'potok:task', 'user tasks');
	if (potok.status) place(t === 'bpmn:EndEvent', 'potok:outcome status', 'end events');
}

function validateEventGateway(gateway: ElementModel, byId: Map<string, ElementModel>, flows: FlowModel[], issue: IssueFn): void {
	if (gateway.outgoing.length < 2) issue(gateway, 'an event-based gateway needs at least two outgoing flows');
	for (const flowId of gateway.outgoing) {
		const flow = flows.find((f) => f.id === flowId);
		const target = flow ? byId.get(flow.target) : undefined;
		const kind = target?.eventDefinitions?.[0]?.type;
		const ok =
			(target?.type === 'bpmn:IntermediateCatchEvent' && (kind === 'message' || kind === 'timer' || kind === 'signal')) ||
			target?.type === 'bpmn:ReceiveTask';
		if (!ok) issue(gateway, `the flow ${flowId} must lead to a message, timer or signal catch event or a receive task`);
		else if ((target?.incoming.length ?? 0) > 1) issue(target, 'an event after an event-based gateway may have only that one incoming flow');
	}
}
