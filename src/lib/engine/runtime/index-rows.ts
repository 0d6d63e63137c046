import type { ExecutableDefinition } from '../compiler/executable';
import type { InstanceState } from '../instance-state';
import type { JobRow, MessageSubscriptionRow, SignalSubscriptionRow, StoreChanges, TaskRow, TimerRow } from '../store';

/**
 * The store's index rows (timers, subscriptions, jobs, open tasks) are derived from the instance
 * state: computed when the instance is loaded and again before it is written, and the difference
 * is what the store writes. Row ids are stable: `instance/token/element`.
 */
export type IndexEntry =
	| { table: 'timers'; row: TimerRow; sig: string }
	| { table: 'messageSubscriptions'; row: MessageSubscriptionRow; sig: string }
	| { table: 'signalSubscriptions'; row: SignalSubscriptionRow; sig: string }
	| { table: 'jobs'; row: JobRow; sig: string }
	| { table: 'tasks'; row: TaskRow; sig: string };

export function collectIndex(state: InstanceState, def: ExecutableDefinition): Map<string, IndexEntry> {
	const index = new Map<string, IndexEntry>();
	if (state.st !== 'active') return index;
	const instanceId = state.id;
	for (const token of state.tokens) {
		if (token.w) {
			for (const wait of token.w) {
				const id = `${instanceId}/${token.id}/${wait.e}`;
				const base = { id, instanceId, tokenId: token.id, elementId: wait.e };
				if (wait.k === 't') index.set(`t:${id}`, { table: 'timers', row: { ...base, dueAt: wait.due ?? 0 }, sig: String(wait.due) });
				else if (wait.k === 'm') {
					const row = { ...base, name: wait.name ?? '', correlationKey: wait.key ?? null, createdAt: token.at };
					index.set(`m:${id}`, { table: 'messageSubscriptions', row, sig: `${row.name}|${row.correlationKey}` });
				} else index.set(`s:${id}`, { table: 'signalSubscriptions', row: { ...base, name: wait.name ?? '' }, sig: wait.name ?? '' });
			}
		}
		if (token.s === 'w' && token.job) {
			const id = `${instanceId}/${token.id}`;
			const job = token.job;
			const row: JobRow = { id, instanceId, tokenId: token.id, elementId: token.el, type: job.type, retries: job.retries, dueAt: job.due, inputs: job.inputs ?? {} };
			index.set(`j:${id}`, { table: 'jobs', row, sig: `${job.retries}|${job.due}` });
		}
		// a task stopped by an incident is not open: it cannot be completed until the incident is resolved
		if (token.s === 'w') {
			const element = def.elements.get(token.el);
			if (element?.kind === 'userTask' && !(element.loop?.kind === 'multi' && !token.it)) {
				const id = `${instanceId}/${token.id}`;
				const row: TaskRow = { id, instanceId, tokenId: token.id, elementId: token.el, createdAt: token.at };
				if (element.name) row.name = element.name;
				const stage = element.potok?.stage;
				if (stage) row.stage = stage.key ?? element.id;
				if (element.potok?.assignment) row.assignment = { ...element.potok.assignment };
				if (token.due !== undefined) row.dueAt = token.due;
				index.set(`k:${id}`, { table: 'tasks', row, sig: `task|${token.due ?? ''}` });
			}
		}
	}
	return index;
}

export function signatures(index: Map<string, IndexEntry>): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, entry] of index) out.set(key, entry.sig);
	return out;
}

/** Adds to `changes` what turns the `before` index into the `after` one. */
export function diffIndex(before: Map<string, string>, after: Map<string, IndexEntry>, changes: StoreChanges): void {
	for (const [key, entry] of after) {
		if (before.get(key) === entry.sig) continue;
		(changes[entry.table].put as unknown[]).push(entry.row);
	}
	for (const key of before.keys()) {
		if (after.has(key)) continue;
		const table = tableOf[key.charAt(0)];
		if (table) changes[table].remove.push(key.slice(2));
	}
}

const tableOf: Record<string, IndexEntry['table']> = {
	t: 'timers',
	m: 'messageSubscriptions',
	s: 'signalSubscriptions',
	j: 'jobs',
	k: 'tasks'
};
