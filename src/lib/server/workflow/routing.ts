import type { ExecElement, ExecFlow, ExecutableDefinition } from '$lib/engine/compiler/executable';
import { evaluateCondition, type VariableSource } from '$lib/engine/expression';

/**
 * Where a token goes when a task completes with given variables (the chosen
 * outcome among them), worked out from the diagram without running it:
 * through exclusive gateways (first true condition, else the default),
 * inclusive and parallel gateways (every branch taken), robots and other
 * tasks that do not wait, to the next visible stage, a final status, or a wait
 * (a timer, a message, a task that is not a stage). This is what a kanban
 * move asks: which outcome of the current stage leads to that column.
 */
export type RouteTarget =
	| { kind: 'stage'; key: string; elementId: string }
	| { kind: 'status'; status: string; elementId: string }
	| { kind: 'wait'; elementId: string }
	| { kind: 'end'; elementId: string }
	| { kind: 'unknown'; elementId: string; reason: string };

const STEP_LIMIT = 500;

export function routeAfter(def: ExecutableDefinition, elementId: string, vars: VariableSource): RouteTarget[] {
	const from = def.elements.get(elementId);
	if (!from) throw new Error(`Expected element ${elementId} in ${def.key}, but it is not there`);
	const out: RouteTarget[] = [];
	const seen = new Set<string>();
	let steps = 0;

	const take = (flows: ExecFlow[], at: ExecElement) => {
		for (const flow of flows) visit(flow.target, at);
	};
	/** Flows leaving an activity or event: conditional ones whose condition holds, else the default. */
	const leave = (element: ExecElement) => {
		const chosen: ExecFlow[] = [];
		for (const flow of element.outgoing) {
			if (flow === element.defaultFlow) continue;
			const holds = test(flow, element);
			if (holds === null) return;
			if (holds) chosen.push(flow);
		}
		if (chosen.length === 0 && element.defaultFlow) chosen.push(element.defaultFlow);
		take(chosen, element);
	};
	const test = (flow: ExecFlow, at: ExecElement): boolean | null => {
		if (!flow.condition) return true;
		try {
			return evaluateCondition(flow.condition, vars);
		} catch (error) {
			out.push({ kind: 'unknown', elementId: at.id, reason: (error as Error).message });
			return null;
		}
	};
	const visit = (element: ExecElement, via: ExecElement) => {
		if (++steps > STEP_LIMIT || seen.has(`${via.id}>${element.id}`)) return;
		seen.add(`${via.id}>${element.id}`);
		switch (element.kind) {
			case 'userTask': {
				const stage = element.potok?.stage;
				out.push(stage ? { kind: 'stage', key: stage.key ?? element.id, elementId: element.id } : { kind: 'wait', elementId: element.id });
				return;
			}
			case 'receiveTask':
			case 'intermediateCatchEvent':
			case 'eventBasedGateway':
			case 'callActivity':
				out.push({ kind: 'wait', elementId: element.id });
				return;
			case 'endEvent': {
				const status = element.potok?.status;
				out.push(status ? { kind: 'status', status, elementId: element.id } : { kind: 'end', elementId: element.id });
				return;
			}
			case 'exclusiveGateway': {
				for (const flow of element.outgoing) {
					if (flow === element.defaultFlow) continue;
					const holds = test(flow, element);
					if (holds === null) return;
					if (holds) return visit(flow.target, element);
				}
				if (element.defaultFlow) visit(element.defaultFlow.target, element);
				else out.push({ kind: 'unknown', elementId: element.id, reason: 'no condition is true and there is no default flow' });
				return;
			}
			case 'parallelGateway':
				take(element.outgoing, element);
				return;
			case 'inclusiveGateway':
				leave(element);
				return;
			case 'subProcess':
				if (element.noneStart) visit(element.noneStart, element);
				return;
			default:
				leave(element);
		}
	};
	leave(from);
	return out;
}
