import type { ExecElement, ExecFlow } from '../compiler/executable';
import { raiseIncident, runGuarded } from '../behaviors/incidents';
import { evaluateCondition } from '../expression';
import type { Token } from '../instance-state';
import { complete } from '../runtime/lifecycle';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import type { ElementProcessor } from './processor';

/**
 * Inclusive gateway. Join: waits while any other token of the scope sits on an element from which
 * the gateway can still be reached, then merges all tokens that arrived. Split: every flow whose
 * condition is true (or that has none), else the default flow, else an incident.
 */
export const inclusiveGatewayProcessor: ElementProcessor = {
	activate(rt, token, element) {
		if (element.incomingCount > 1) {
			token.s = 'j';
			if (!canFire(rt, token, element)) return;
			fire(rt, token, element);
			return;
		}
		split(rt, token, element);
	}
};

function canFire(rt: InstanceRuntime, token: Token, element: ExecElement): boolean {
	const upstream = element.upstream;
	for (const t of rt.state.tokens) {
		if (t.p !== token.p || t === token) continue;
		// another token already on its way into this join arrives before it fires
		if (t.el === element.id) {
			if (t.s === 'q') return false;
			continue;
		}
		if (!upstream || upstream.has(t.el)) return false;
	}
	return true;
}

function fire(rt: InstanceRuntime, token: Token, element: ExecElement): void {
	for (const t of rt.state.tokens.slice()) {
		if (t !== token && t.p === token.p && t.el === element.id && t.s === 'j') {
			rt.record('element.completed', t);
			rt.removeToken(t);
		}
	}
	split(rt, token, element);
}

function split(rt: InstanceRuntime, token: Token, element: ExecElement): void {
	const chosen: ExecFlow[] = [];
	const ok = runGuarded(rt, token, 'enter', () => {
		const vars = rt.vars(token);
		for (const flow of element.outgoing) {
			if (flow === element.defaultFlow) continue;
			if (!flow.condition || evaluateCondition(flow.condition, vars)) chosen.push(flow);
		}
	});
	if (!ok) return;
	if (chosen.length === 0 && element.defaultFlow) chosen.push(element.defaultFlow);
	if (chosen.length === 0 && element.outgoing.length > 0) {
		raiseIncident(rt, token, 'enter', `No outgoing flow of ${element.id} can be taken: no condition is true and there is no default flow`);
		return;
	}
	complete(rt, token, chosen);
}

/** After a command's agenda is empty, joins whose missing branches died may now fire. */
export function retryInclusiveJoins(rt: InstanceRuntime): void {
	for (const token of rt.state.tokens.slice()) {
		if (token.s !== 'j' || !rt.state.tokens.includes(token)) continue;
		const element = rt.element(token);
		if (element.kind === 'inclusiveGateway' && canFire(rt, token, element)) fire(rt, token, element);
	}
}
