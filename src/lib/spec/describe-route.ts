import type { ElementModel, FlowModel } from '$lib/bpmn';
import { describeRobot } from './describe-robot';
import { eventWhenWords } from './describe-time';
import { outcomeLabel } from './describe-field';
import { expressionWords, readOutcomeTest } from './expression-words';
import { isStage, stageName } from './process-graph';
import type { SpecContext } from './spec-context';

/**
 * Where a path leads, in words: it follows sequence flows through robots, waits, tasks and
 * gateways until it reaches a stage or an end — «робот «Поставить задачу» → стадия «КП
 * отправлено»». The robots and waiting events passed on the way are returned too, so a stage's
 * table can list the robots and timers that run after it.
 */
export interface Route {
	text: string;
	/** Element ids of the robots on the path, in order. */
	robots: string[];
	/** Element ids of the catching events the path waits at. */
	waits: string[];
}

/** Ids already on the path; a path that comes back to one of them says «возврат к …». */
type Trail = ReadonlySet<string>;

const MAX_DEPTH = 60;
const empty: Route = { text: '', robots: [], waits: [] };

/** The route that starts with a sequence flow. */
export function routeFromFlow(flowId: string, ctx: SpecContext, trail: Trail, stage?: ElementModel): Route {
	const flow = ctx.graph.flows.get(flowId);
	return flow ? routeFromElement(flow.target, ctx, trail, stage) : { ...empty, text: ctx.m.to.nowhere };
}

/** The route that continues after an element along its outgoing flows. */
export function routeOnward(element: ElementModel, ctx: SpecContext, trail: Trail, stage?: ElementModel): Route {
	const next = new Set(trail).add(element.id);
	const flows = element.outgoing.map((id) => ctx.graph.flows.get(id)).filter((f): f is FlowModel => f !== undefined);
	if (flows.length === 0) return empty;
	const [only] = flows;
	if (flows.length === 1 && only && only.condition === undefined) return routeFromFlow(only.id, ctx, next, stage);
	// Several flows out of a task: conditional flows, or an implicit parallel split.
	if (flows.some((f) => f.condition !== undefined)) return branches(undefined, flows, element.defaultFlow, ctx, next, stage);
	return merge(ctx.m.to.parallel, flows.map((f) => routeFromFlow(f.id, ctx, next, stage)));
}

/** The route from an element: a stage or an end stops it; anything else is a step on the way. */
export function routeFromElement(id: string, ctx: SpecContext, trail: Trail, stage?: ElementModel): Route {
	const to = ctx.m.to;
	const element = ctx.graph.elements.get(id);
	if (!element) return { ...empty, text: to.nowhere };
	if (isStage(element)) return { ...empty, text: to.stage(stageName(element)) };
	const name = element.name || element.id;
	if (trail.has(id) || trail.size > MAX_DEPTH) return { ...empty, text: to.back(name) };
	const onward = () => routeOnward(element, ctx, trail, stage);
	const next = new Set(trail).add(id);
	const definition = element.eventDefinitions?.[0];
	switch (element.type) {
		case 'bpmn:EndEvent':
			if (definition?.type === 'terminate') return { ...empty, text: to.terminate(name) };
			if (definition?.type === 'error') return { ...empty, text: to.errorEnd(definition.errorCode ?? name) };
			return { ...empty, text: to.end(name, element.potok?.status) };
		case 'bpmn:ServiceTask':
		case 'bpmn:SendTask':
		case 'bpmn:ScriptTask':
		case 'bpmn:BusinessRuleTask': {
			const robot = describeRobot(element, ctx);
			const step = step_(robot ? to.robot(robot.name) : to.task(name), onward());
			return robot ? { ...step, robots: [id, ...step.robots] } : step;
		}
		case 'bpmn:IntermediateCatchEvent':
		case 'bpmn:ReceiveTask': {
			const step = step_(to.wait(eventWhenWords(element, ctx)), onward());
			return { ...step, waits: [id, ...step.waits] };
		}
		case 'bpmn:IntermediateThrowEvent':
			return element.name ? step_(to.throwEvent(element.name), onward()) : onward();
		case 'bpmn:SubProcess':
		case 'bpmn:Transaction':
		case 'bpmn:AdHocSubProcess':
			return step_(to.subprocess(name), onward());
		case 'bpmn:CallActivity':
			return step_(to.callActivity(element.name || element.calledElement || element.id), onward());
		case 'bpmn:ExclusiveGateway':
		case 'bpmn:InclusiveGateway': {
			const flows = outgoingFlows(element, ctx);
			if (flows.length <= 1) return onward();
			return branches(element.name, flows, element.defaultFlow, ctx, next, stage);
		}
		case 'bpmn:ParallelGateway': {
			const flows = outgoingFlows(element, ctx);
			if (flows.length <= 1) return onward();
			return merge(to.parallel, flows.map((f) => routeFromFlow(f.id, ctx, next, stage)));
		}
		case 'bpmn:EventBasedGateway': {
			const routes = outgoingFlows(element, ctx).map((f) => {
				const event = ctx.graph.elements.get(f.target);
				if (!event) return { ...empty, text: to.nowhere };
				const after = routeOnward(event, ctx, next, stage);
				return { text: `${eventWhenWords(event, ctx)} → ${after.text || to.nowhere}`, robots: after.robots, waits: [event.id, ...after.waits] };
			});
			return merge(to.firstOf, routes);
		}
		default:
			return step_(to.task(name), onward());
	}
}

/** A condition in words: outcome tests by their labels, anything else as the expression. */
export function conditionWords(condition: string, ctx: SpecContext, stage?: ElementModel): string {
	const test = readOutcomeTest(condition);
	if (!test) return expressionWords(condition, ctx.fieldLabel, ctx.locale);
	const labels = test.keys.map((key) => ctx.m.qOutcome(outcomeLabel(stage, key)));
	const text = test.negated ? ctx.m.to.outcomeIsNot(labels) : ctx.m.to.outcomeIs(labels);
	return test.also === undefined ? text : ctx.m.to.both(text, expressionWords(test.also, ctx.fieldLabel, ctx.locale));
}

function branches(name: string | undefined, flows: FlowModel[], defaultFlow: string | undefined, ctx: SpecContext, trail: Trail, stage?: ElementModel): Route {
	const to = ctx.m.to;
	// The default flow is said last, as «иначе».
	const ordered = [...flows.filter((f) => f.id !== defaultFlow), ...flows.filter((f) => f.id === defaultFlow)];
	const routes = ordered.map((flow) => {
		const route = routeFromFlow(flow.id, ctx, trail, stage);
		const target = route.text || to.nowhere;
		if (flow.id === defaultFlow) return { ...route, text: to.otherwise(target) };
		if (flow.condition !== undefined) return { ...route, text: to.when(conditionWords(flow.condition, ctx, stage), target) };
		return { ...route, text: target };
	});
	return merge((texts) => to.branches(name, texts), routes);
}

function outgoingFlows(element: ElementModel, ctx: SpecContext): FlowModel[] {
	return element.outgoing.map((id) => ctx.graph.flows.get(id)).filter((f): f is FlowModel => f !== undefined);
}

function step_(text: string, rest: Route): Route {
	return { text: rest.text ? `${text} → ${rest.text}` : text, robots: rest.robots, waits: rest.waits };
}

function merge(join: (texts: string[]) => string, routes: Route[]): Route {
	return {
		text: join(routes.map((r) => r.text || '…')),
		robots: routes.flatMap((r) => r.robots),
		waits: routes.flatMap((r) => r.waits)
	};
}
