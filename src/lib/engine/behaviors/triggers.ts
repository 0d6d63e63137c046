import type { ExecElement } from '../compiler/executable';
import type { Token, Wait } from '../instance-state';
import { complete, terminate, terminateChildren } from '../runtime/lifecycle';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import { nextCycle } from './timers';
import { removeWait } from './waits';

/**
 * A wait was triggered (a timer fell due, a message correlated, a signal was broadcast). What it
 * means depends on the event that owns the wait: a boundary event, an event-subprocess start,
 * an event after an event-based gateway, or the waiting element itself.
 */
export function triggerWait(rt: InstanceRuntime, token: Token, wait: Wait, variables: Record<string, unknown> | undefined): void {
	const event = rt.def.elements.get(wait.e);
	if (!event) throw new Error(`Expected event ${wait.e} in ${rt.def.key}, but it is not there`);
	if (event.kind === 'boundaryEvent') return triggerBoundary(rt, token, event, wait, variables);
	if (event.kind === 'startEvent' && event.parent?.kind === 'eventSubProcess') {
		return triggerEventSubProcess(rt, token, event.parent, wait, variables);
	}
	const owner = rt.element(token);
	if (owner.kind === 'eventBasedGateway') return triggerGatewayEvent(rt, token, owner, event, variables);
	removeWait(token, wait);
	if (variables) rt.setVariables(token, variables);
	complete(rt, token);
}

/** Keeps a non-interrupting wait for its next firing (cycles, messages, signals). */
function rearm(token: Token, wait: Wait): void {
	if (wait.k !== 't') return;
	const next = nextCycle(wait);
	removeWait(token, wait);
	if (next) (token.w ??= []).push(next);
}

function triggerBoundary(rt: InstanceRuntime, host: Token, boundary: ExecElement, wait: Wait, variables: Record<string, unknown> | undefined): void {
	if (boundary.interrupting) terminate(rt, host);
	else rearm(host, wait);
	const token = rt.queue(boundary.id, host.p);
	if (variables) rt.setVariables(token, variables, token);
}

export function triggerEventSubProcess(
	rt: InstanceRuntime,
	scope: Token,
	sub: ExecElement,
	wait: Wait | undefined,
	variables: Record<string, unknown> | undefined
): void {
	if (sub.interrupting) {
		terminateChildren(rt, scope.id);
		closeEventSubProcessWaits(rt, scope);
	} else if (wait) rearm(scope, wait);
	const token = rt.queue(sub.id, scope.id);
	if (variables) rt.setVariables(token, variables, token);
}

/** An interrupting event subprocess closes its siblings' triggers; the scope's boundary events stay. */
function closeEventSubProcessWaits(rt: InstanceRuntime, scope: Token): void {
	if (!scope.w) return;
	scope.w = scope.w.filter((w) => rt.def.elements.get(w.e)?.parent?.kind !== 'eventSubProcess');
	if (scope.w.length === 0) delete scope.w;
}

function triggerGatewayEvent(
	rt: InstanceRuntime,
	gateway: Token,
	element: ExecElement,
	event: ExecElement,
	variables: Record<string, unknown> | undefined
): void {
	delete gateway.w;
	rt.record('element.completed', gateway);
	rt.removeToken(gateway);
	const flow = element.outgoing.find((f) => f.target === event);
	if (!flow) throw new Error(`Expected a flow from ${element.id} to ${event.id}, but there is none`);
	rt.recordFlow(flow.id);
	const token = rt.createToken(event.id, gateway.p, 'w');
	token.in = flow.id;
	rt.steps++;
	rt.record('element.activated', token);
	if (variables) rt.setVariables(token, variables);
	complete(rt, token);
}
