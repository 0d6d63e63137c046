import type { EngineRecord } from './records';
import {
	VersionConflictError,
	type BufferedMessageRow,
	type DefinitionRow,
	type HistoryReader,
	type IndexChanges,
	type InstanceRow,
	type JobRow,
	type MessageSubscriptionRow,
	type SignalSubscriptionRow,
	type Store,
	type StoreChanges,
	type StoreTx,
	type TaskRow,
	type TimerRow
} from './store';

/**
 * The in-memory Store, for tests and the CLI. Transactions run one at a time; writes are buffered
 * and applied only when the transaction's function resolves, so a failed command changes nothing.
 * With `{ concurrent: true }` transactions interleave like concurrent database connections: each
 * reads what is committed and `apply` checks versions and commits at once, so the losers of a
 * race get a VersionConflictError (and the engine retries them).
 */
export class MemoryStore implements Store, HistoryReader {
	readonly definitions = new Map<string, DefinitionRow>();
	readonly instances = new Map<string, InstanceRow>();
	readonly timers = new Map<string, TimerRow>();
	readonly messageSubscriptions = new Map<string, MessageSubscriptionRow>();
	readonly signalSubscriptions = new Map<string, SignalSubscriptionRow>();
	readonly jobs = new Map<string, JobRow>();
	readonly tasks = new Map<string, TaskRow>();
	readonly bufferedMessages = new Map<string, BufferedMessageRow>();
	readonly history: EngineRecord[] = [];
	readonly #leases = new Map<string, number>();
	#nextInstance = 1;
	#queue: Promise<unknown> = Promise.resolve();
	readonly #concurrent: boolean;

	constructor(options: { concurrent?: boolean } = {}) {
		this.#concurrent = options.concurrent === true;
	}

	transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
		if (this.#concurrent) return this.#run(fn);
		const run = this.#queue.then(() => this.#run(fn));
		this.#queue = run.catch(() => undefined);
		return run;
	}

	async records(filter: { instanceId?: string; definitionKey?: string; afterSeq?: number }): Promise<EngineRecord[]> {
		return this.history.filter(
			(r) =>
				(filter.instanceId === undefined || r.instance === filter.instanceId) &&
				(filter.definitionKey === undefined || this.instances.get(r.instance)?.definitionKey === filter.definitionKey) &&
				(filter.afterSeq === undefined || r.seq > filter.afterSeq)
		);
	}

	async #run<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
		const pending: StoreChanges[] = [];
		const newDefinitions: DefinitionRow[] = [];
		const tx: StoreTx = {
			getDefinition: async (key) => this.definitions.get(key) ?? newDefinitions.find((d) => d.key === key),
			latestDefinition: async (processId) => {
				let latest: DefinitionRow | undefined;
				for (const d of [...this.definitions.values(), ...newDefinitions]) {
					if (d.processId === processId && (!latest || d.version > latest.version)) latest = d;
				}
				return latest;
			},
			putDefinition: async (row) => {
				newDefinitions.push(row);
			},
			newInstanceId: async () => String(this.#nextInstance++),
			loadInstance: async (id) => {
				const row = this.instances.get(id);
				return row && { ...row, state: structuredClone(row.state) };
			},
			messageSubscriptions: async (name, key) =>
				[...this.messageSubscriptions.values()]
					.filter((s) => s.name === name && (s.definitionKey !== undefined || s.correlationKey === key))
					.sort((a, b) => a.createdAt - b.createdAt),
			signalSubscriptions: async (name) => [...this.signalSubscriptions.values()].filter((s) => s.name === name),
			findBufferedMessage: async (name, key, now, skip) => {
				let found: BufferedMessageRow | undefined;
				for (const m of this.bufferedMessages.values()) {
					if (skip.has(m.id) || m.name !== name || m.correlationKey !== key || m.expiresAt <= now) continue;
					if (!found || m.createdAt < found.createdAt) found = m;
				}
				return found;
			},
			claimDueTimers: async (now, limit, leaseUntil) => {
				const due = [...this.timers.values()]
					.filter((t) => t.dueAt <= now && (this.#leases.get(t.id) ?? 0) <= now)
					.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
					.slice(0, limit);
				for (const t of due) this.#leases.set(t.id, leaseUntil);
				return due;
			},
			activateJobs: async (type, now, limit, leaseUntil) => {
				const jobs = [...this.jobs.values()]
					.filter((j) => (type === undefined || j.type === type) && j.dueAt <= now && (this.#leases.get(j.id) ?? 0) <= now)
					.slice(0, limit);
				for (const j of jobs) this.#leases.set(j.id, leaseUntil);
				return jobs;
			},
			apply: async (changes) => {
				for (const { row, expectedVersion } of changes.instances) {
					const current = this.instances.get(row.id)?.version ?? 0;
					if (current !== expectedVersion) throw new VersionConflictError(row.id);
				}
				if (this.#concurrent) this.#commit(changes);
				else pending.push(changes);
			}
		};
		const result = await fn(tx);
		for (const d of newDefinitions) this.definitions.set(d.key, d);
		for (const changes of pending) this.#commit(changes);
		return result;
	}

	#commit(changes: StoreChanges): void {
		for (const { row } of changes.instances) this.instances.set(row.id, row);
		for (const record of changes.records) this.history.push({ ...record, seq: this.history.length + 1 });
		applyIndex(this.timers, changes.timers, this.#leases);
		applyIndex(this.messageSubscriptions, changes.messageSubscriptions);
		applyIndex(this.signalSubscriptions, changes.signalSubscriptions);
		applyIndex(this.jobs, changes.jobs, this.#leases);
		applyIndex(this.tasks, changes.tasks);
		applyIndex(this.bufferedMessages, changes.bufferedMessages);
	}
}

function applyIndex<Row extends { id: string }>(map: Map<string, Row>, changes: IndexChanges<Row>, leases?: Map<string, number>): void {
	for (const id of changes.remove) {
		map.delete(id);
		leases?.delete(id);
	}
	for (const row of changes.put) {
		map.set(row.id, row);
		leases?.delete(row.id);
	}
}
