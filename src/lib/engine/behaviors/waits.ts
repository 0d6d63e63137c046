import type { ExecElement } from '../compiler/executable';
import type { Token, Wait } from '../instance-state';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import { scheduleTimer } from './timers';

/**
 * Subscriptions a token holds while it waits: timers, messages and signals. They live on the token
 * (so they vanish with it) and the store's index rows are derived from them after each command.
 */

/** Opens the wait for `event`'s trigger (timer, message or signal) on `owner`. */
export function openWait(rt: InstanceRuntime, owner: Token, event: ExecElement): void {
	const wait = waitFor(rt, owner, event);
	if (!wait) return;
	(owner.w ??= []).push(wait);
	if (wait.k === 'm') rt.uow.openedMessageWaits.push({ rt, token: owner, wait });
}

function waitFor(rt: InstanceRuntime, owner: Token, event: ExecElement): Wait | undefined {
	const def = event.event;
	if (def.type === 'timer') return scheduleTimer(def, event.id, rt.now, rt.vars(owner));
	if (def.type === 'signal') return { k: 's', e: event.id, name: def.name };
	if (def.type === 'message') {
		const vars = rt.vars(owner);
		let key: unknown;
		if (def.correlationKey) key = def.correlationKey.evaluate(vars);
		else {
			const record = vars.get('record');
			key = record && typeof record === 'object' ? (record as Record<string, unknown>).id : vars.get('recordId');
		}
		return { k: 'm', e: event.id, name: def.name, key: key === undefined || key === null ? null : String(key) };
	}
	return undefined;
}

/** Boundary events of an activity wait on the activity's token. */
export function openBoundaryWaits(rt: InstanceRuntime, token: Token, element: ExecElement): void {
	for (const boundary of element.boundaries) openWait(rt, token, boundary);
}

/** Event subprocesses of a scope (process or subprocess) wait on the scope's token. */
export function openEventSubProcessWaits(rt: InstanceRuntime, scope: Token, element: ExecElement): void {
	for (const sub of element.eventSubProcesses) if (sub.trigger) openWait(rt, scope, sub.trigger);
}

export function removeWait(token: Token, wait: Wait): void {
	if (!token.w) return;
	const i = token.w.indexOf(wait);
	if (i >= 0) token.w.splice(i, 1);
	if (token.w.length === 0) delete token.w;
}
