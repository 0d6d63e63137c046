import type { ExecElement, ExecFlow } from '../compiler/executable';
import type { Token } from '../instance-state';
import { raiseIncident, runGuarded } from '../behaviors/incidents';
import { startMultiInstance, onIterationCompleted } from '../behaviors/multi-instance';
import { loopAgain, skipBeforeFirst } from '../behaviors/standard-loop';
import { openBoundaryWaits } from '../behaviors/waits';
import type { InstanceRuntime } from './instance-runtime';

/**
 * The element lifecycle: activate → (wait) → complete, or terminate. Processors decide what an
 * element does; these functions are the only ones that create, move and remove tokens.
 */

/** Activates a queued token: step budget, the activated record, boundary events, then the element. */
export function activate(rt: InstanceRuntime, token: Token): void {
	// per instance, and for the whole command (signals and calls can fan out to new instances)
	if (++rt.steps > rt.uow.stepBudget || ++rt.uow.steps > rt.uow.stepBudget * 10) {
		raiseIncident(rt, token, 'activate', `Step budget of ${rt.uow.stepBudget} exceeded: a loop without a wait state?`);
		return;
	}
	const element = rt.element(token);
	rt.record('element.activated', token);
	if (element.boundaries.length > 0 && !token.it) {
		if (!runGuarded(rt, token, 'enter', () => openBoundaryWaits(rt, token, element))) return;
	}
	enter(rt, token, element);
}

/** Runs the element's behaviour for an activated token (also the retry of an incident). */
export function enter(rt: InstanceRuntime, token: Token, element: ExecElement): void {
	token.s = 'w';
	if (element.loop?.kind === 'multi' && !token.it) {
		runGuarded(rt, token, 'enter', () => startMultiInstance(rt, token, element));
		return;
	}
	if (element.loop?.kind === 'standard' && !token.it) {
		let skip = false;
		if (!runGuarded(rt, token, 'enter', () => (skip = skipBeforeFirst(rt, token, element)))) return;
		if (skip) return complete(rt, token, element.outgoing, true);
	}
	rt.uow.processors[element.kind].activate(rt, token, element);
}

/**
 * Completes a token and takes `flows` (by default every outgoing flow). Multi-instance iterations
 * report to their body instead; standard loops may run again.
 */
export function complete(rt: InstanceRuntime, token: Token, flows?: ExecFlow[], noLoop = false): void {
	const element = rt.element(token);
	delete token.w;
	rt.record('element.completed', token);
	if (token.it) {
		rt.removeToken(token);
		const body = rt.parent(token);
		if (!body) throw new Error(`Expected the multi-instance body of ${token.el}, but it is gone`);
		onIterationCompleted(rt, body, element);
		return;
	}
	if (element.loop?.kind === 'standard' && !noLoop) {
		let again = false;
		if (!runGuarded(rt, token, 'iteration', () => (again = loopAgain(rt, token, element)))) return;
		if (again) {
			rt.removeToken(token);
			const next = rt.queue(element.id, token.p);
			next.lc = (token.lc ?? 0) + 1;
			return;
		}
	}
	leave(rt, token, flows ?? element.outgoing);
}

/** Removes the token and sends new ones down the flows; without flows its scope may be done. */
export function leave(rt: InstanceRuntime, token: Token, flows: ExecFlow[]): void {
	rt.removeToken(token);
	for (const flow of flows) takeFlow(rt, flow, token.p);
	if (flows.length === 0) completeScopeIfDone(rt, token.p);
}

export function takeFlow(rt: InstanceRuntime, flow: ExecFlow, scope: number): void {
	rt.recordFlow(flow.id);
	rt.queue(flow.target.id, scope, flow.id);
}

/** A scope with no tokens left completes: the instance, a subprocess, an event subprocess. */
export function completeScopeIfDone(rt: InstanceRuntime, scopeId: number): void {
	if (rt.state.st !== 'active' || rt.hasChildren(scopeId)) return;
	const scope = rt.token(scopeId);
	if (!scope || scope.s !== 's') return;
	if (scope.p === 0) {
		completeInstance(rt, scope);
		return;
	}
	if (scope.mi) return;
	complete(rt, scope);
}

function completeInstance(rt: InstanceRuntime, root: Token): void {
	// The root token stays: it keeps the process variables of a finished instance.
	rt.state.st = 'completed';
	rt.record('instance.completed');
	const parent = rt.state.parent;
	if (parent) rt.uow.effects.push({ kind: 'child-completed', parent, child: rt.id, variables: root.v ?? {} });
}

/** Terminates a token and everything inside it, innermost first. */
export function terminate(rt: InstanceRuntime, token: Token): void {
	const children = rt.children(token.id);
	for (let i = children.length - 1; i >= 0; i--) terminate(rt, children[i] as Token);
	if (token.call) rt.uow.effects.push({ kind: 'cancel', instanceId: token.call });
	const i = rt.agenda.indexOf(token);
	if (i >= 0) rt.agenda.splice(i, 1);
	if (token.p === 0) return;
	if (token.s !== 'q') rt.record('element.terminated', token);
	rt.removeToken(token);
}

/** Terminates every other token of a scope (terminate end event, interrupting event subprocess). */
export function terminateChildren(rt: InstanceRuntime, scopeId: number, except?: Token): void {
	const children = rt.children(scopeId);
	for (let i = children.length - 1; i >= 0; i--) {
		const child = children[i] as Token;
		if (child !== except) terminate(rt, child);
	}
}

/** Cancels a whole instance. */
export function terminateInstance(rt: InstanceRuntime): void {
	const root = rt.token(1);
	if (root) terminate(rt, root);
	delete root?.w;
	rt.state.tokens = root ? [root] : [];
	rt.agenda.length = 0;
	rt.state.st = 'terminated';
	rt.record('instance.terminated');
}
