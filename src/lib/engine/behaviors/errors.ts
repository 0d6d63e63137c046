import type { ExecElement } from '../compiler/executable';
import type { Token } from '../instance-state';
import { terminate } from '../runtime/lifecycle';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import { raiseIncident } from './incidents';
import { triggerEventSubProcess } from './triggers';

/**
 * Throwing BPMN errors and escalations: the nearest catching boundary event or event subprocess,
 * searched from the thrower outwards through its scopes (and into the calling process), takes it.
 * An uncaught error is an incident; an uncaught escalation is ignored, as BPMN says (after the
 * calling process, if any, had its chance).
 */
export type Throwable = 'error' | 'escalation';

/** Throws; returns true when the thrower itself was terminated by the catch. */
export function throwEvent(rt: InstanceRuntime, thrower: Token, kind: Throwable, code: string | undefined, variables?: Record<string, unknown>): boolean {
	const found = findCatch(rt, thrower, kind, code);
	if (found?.type === 'boundary') {
		if (found.event.interrupting) terminate(rt, found.host);
		const token = rt.queue(found.event.id, found.host.p);
		if (variables) rt.setVariables(token, variables, token);
	} else if (found?.type === 'eventSub') {
		triggerEventSubProcess(rt, found.scope, found.sub, undefined, variables);
	} else if (kind === 'error') {
		if (rt.state.parent) {
			rt.uow.effects.push({ kind: 'child-error', parent: rt.state.parent, child: rt.id, code, variables: variables ?? {} });
		} else {
			raiseIncident(rt, thrower, 'throw', `Unhandled error${code ? ` with code ${code}` : ''} thrown by ${thrower.el}`, code);
		}
		return true;
	} else if (rt.state.parent) {
		// an escalation nobody caught in a called process goes on to the call activity
		rt.uow.effects.push({ kind: 'child-escalation', parent: rt.state.parent, child: rt.id, code });
	}
	return !rt.state.tokens.includes(thrower);
}

type Catch = { type: 'boundary'; host: Token; event: ExecElement } | { type: 'eventSub'; scope: Token; sub: ExecElement };

function findCatch(rt: InstanceRuntime, thrower: Token, kind: Throwable, code: string | undefined): Catch | undefined {
	const matches = (event: ExecElement | undefined) =>
		event !== undefined && event.event.type === kind && (event.event.code === undefined || event.event.code === code);
	for (let current: Token | undefined = thrower; current; ) {
		const element = rt.element(current);
		if (current.p !== 0 && !current.it) {
			const event = element.boundaries.find(matches);
			if (event) return { type: 'boundary', host: current, event };
		}
		const scope = rt.parent(current);
		if (!scope) return undefined;
		if (!scope.mi && element.kind !== 'eventSubProcess') {
			const sub = rt.element(scope).eventSubProcesses.find((s) => matches(s.trigger));
			if (sub) return { type: 'eventSub', scope, sub };
		}
		current = scope;
	}
	return undefined;
}
