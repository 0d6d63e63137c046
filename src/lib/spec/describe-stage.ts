import type { ElementModel, FlowModel } from '$lib/bpmn';
import { responsibleWords } from './describe-assignment';
import { describeEvent } from './describe-event';
import { describeField } from './describe-field';
import { conditionWords, routeFromFlow, type Route } from './describe-route';
import { describeRobot } from './describe-robot';
import { deadlineWords } from './describe-time';
import { readOutcomeTest, type OutcomeTest } from './expression-words';
import { stageName } from './process-graph';
import type { SpecContext } from './spec-context';
import type { SpecEvent, SpecOutcome, SpecRobot, SpecStage } from './spec-document';

/** A way out of a stage: a conditional flow of the stage or of the gateway right after it. */
interface Exit {
	flow: FlowModel;
	test?: OutcomeTest;
	isDefault: boolean;
	route: Route;
}

/**
 * One stage's table: name, what happens, responsible, deadline, fields with their rules,
 * outcomes and where each leads (through the gateway after the stage), the robots that run after
 * it, and its timers and triggers (boundary events, and waits on its ways out).
 */
export function describeStage(element: ElementModel, number: number, ctx: SpecContext): SpecStage {
	const m = ctx.m;
	const { exits, plain } = exitsOf(element, ctx);
	const used = new Set<Exit>();
	const outcomes: SpecOutcome[] = (element.potok?.outcomes ?? []).map((outcome) => {
		const label = outcome.label || outcome.key;
		let matched = exits.filter((exit) => exit.test && (exit.test.negated ? !exit.test.keys.includes(outcome.key) : exit.test.keys.includes(outcome.key)));
		if (matched.length === 0) matched = exits.filter((exit) => exit.isDefault);
		for (const exit of matched) used.add(exit);
		const leadsTo = matched.map((exit) =>
			exit.test?.also === undefined ? routeText(exit.route, ctx) : m.to.routeIf(routeText(exit.route, ctx), conditionWords(exit.test.also, ctx, element))
		);
		if (leadsTo.length === 0) leadsTo.push(...plain.map((route) => routeText(route, ctx)));
		return { key: outcome.key, label, leadsTo: leadsTo.length > 0 ? leadsTo.join('; ') : m.to.nowhere };
	});

	const hasOutcomes = outcomes.length > 0;
	const next: string[] = [];
	for (const exit of exits) {
		if (used.has(exit)) continue;
		const target = routeText(exit.route, ctx);
		if (exit.isDefault) next.push(m.to.otherwise(target));
		else if (exit.flow.condition !== undefined) next.push(m.to.when(conditionWords(exit.flow.condition, ctx, element), target));
		else next.push(target);
	}
	if (!hasOutcomes || exits.length > 0) next.push(...plain.map((route) => routeText(route, ctx)));

	const robotIds: string[] = [...exits.map((e) => e.route), ...plain].flatMap((r) => r.robots);
	const events: SpecEvent[] = [];
	for (const boundary of ctx.graph.boundaries.get(element.id) ?? []) {
		const { event, robots } = describeEvent(boundary, 'boundary', ctx, element);
		events.push(event);
		robotIds.push(...robots);
	}
	const waits = unique([...exits.map((e) => e.route), ...plain].flatMap((r) => r.waits));
	for (const id of waits) {
		const wait = ctx.graph.elements.get(id);
		if (!wait) continue;
		const { event, robots } = describeEvent(wait, 'wait', ctx, element);
		events.push(event);
		robotIds.push(...robots);
	}

	const description = ctx.extras.documentation.get(element.id);
	const task = element.potok?.task;
	return {
		id: element.id,
		number,
		name: stageName(element),
		...(description ? { description } : {}),
		responsible: responsibleWords(element, ctx),
		deadline: deadlineWords(task?.due, ctx),
		...(task?.resultRequired ? { resultRequired: m.deadline.resultRequired } : {}),
		fields: (element.potok?.fields ?? []).map((field) => describeField(field, element, ctx)),
		outcomes,
		next: unique(next),
		robots: robotsOf(unique(robotIds), ctx),
		events
	};
}

/** Describes robots by element id, skipping ids that are not robots. */
export function robotsOf(ids: string[], ctx: SpecContext): SpecRobot[] {
	return ids.map((id) => ctx.graph.elements.get(id)).flatMap((element) => {
		const robot = element ? describeRobot(element, ctx) : undefined;
		return robot ? [robot] : [];
	});
}

/**
 * The stage's conditional exits (its own conditional flows, or the flows of an exclusive or
 * inclusive gateway it leads straight into) and its plain routes (unconditional flows elsewhere).
 */
function exitsOf(element: ElementModel, ctx: SpecContext): { exits: Exit[]; plain: Route[] } {
	const exits: Exit[] = [];
	const plain: Route[] = [];
	const trail = new Set([element.id]);
	const exit = (flow: FlowModel, isDefault: boolean, via: Set<string>): Exit => {
		const test = flow.condition === undefined ? undefined : readOutcomeTest(flow.condition);
		return { flow, ...(test ? { test } : {}), isDefault, route: routeFromFlow(flow.id, ctx, via, element) };
	};
	for (const flowId of element.outgoing) {
		const flow = ctx.graph.flows.get(flowId);
		if (!flow) continue;
		const target = ctx.graph.elements.get(flow.target);
		if (flow.condition !== undefined || flowId === element.defaultFlow) {
			exits.push(exit(flow, flowId === element.defaultFlow, trail));
		} else if (target && isDecision(target) && target.outgoing.length > 1) {
			const via = new Set([element.id, target.id]);
			for (const id of target.outgoing) {
				const out = ctx.graph.flows.get(id);
				if (out) exits.push(exit(out, id === target.defaultFlow, via));
			}
		} else {
			plain.push(routeFromFlow(flowId, ctx, trail, element));
		}
	}
	return { exits, plain };
}

function isDecision(element: ElementModel): boolean {
	return element.type === 'bpmn:ExclusiveGateway' || element.type === 'bpmn:InclusiveGateway';
}

function routeText(route: Route, ctx: SpecContext): string {
	return route.text || ctx.m.to.nowhere;
}

function unique<T>(items: T[]): T[] {
	return [...new Set(items)];
}
