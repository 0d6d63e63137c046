import type { ProcessModel } from '../bpmn/process-model';
import type { InstanceState, InstanceStatus } from './instance-state';
import type { EngineRecord, RecordInput } from './records';

/**
 * The Store contract — how the engine talks to storage.
 *
 * - Every engine command runs inside ONE `store.transaction(fn)`. Inside, the engine first reads
 *   (definitions, instances, subscriptions, buffered messages), runs the instances in memory until
 *   every token waits, then calls `tx.apply(changes)` exactly once with everything to write:
 *   instance rows (each with an optimistic version check), history records, and the index rows
 *   derived from the instances (timers, message/signal subscriptions, jobs, open user tasks). If
 *   `fn` throws, nothing may be written. A libsql store maps this to `BEGIN IMMEDIATE … COMMIT`.
 * - A store may run transactions issued at the same time one after another inside one database
 *   transaction (group commit), each behind a savepoint, as long as each sees the ones before it
 *   and `transaction` resolves only once its writes are committed. So `fn` must never wait for
 *   another transaction of the same store.
 * - `apply` must throw `VersionConflictError` when an instance's stored version is not
 *   `expectedVersion` (0 means "must not exist yet"); the engine then retries the whole command.
 * - Records arrive in order without `seq`; the store appends them and assigns an increasing `seq`.
 * - Index rows are keyed by `id` and replaced whole by `put`; `remove` lists ids to delete. Putting
 *   or removing a timer or job row also drops its lease. Rows with `instanceId` undefined belong to
 *   a definition (message, timer and signal start events).
 * - Instance state is opaque JSON to the store (≈200 bytes for a task waiting in a simple process);
 *   `status` and `definitionKey` are there to be kept as columns for queries.
 * - `claimDueTimers` and `activateJobs` run in their own short transaction and lease what they
 *   return (`UPDATE … SET lease_until = ? WHERE … RETURNING`), so several processes on one database
 *   never fire one timer twice, and an expired lease is taken over by whoever asks next.
 * - Definitions are immutable once put: a new model is a new version (`processId:version`).
 */
export interface Store {
	transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

export interface StoreTx {
	getDefinition(key: string): Promise<DefinitionRow | undefined>;
	/** The highest version deployed for a process id. */
	latestDefinition(processId: string): Promise<DefinitionRow | undefined>;
	putDefinition(row: DefinitionRow): Promise<void>;
	/** A new unique instance id. */
	newInstanceId(): Promise<string>;
	loadInstance(id: string): Promise<InstanceRow | undefined>;
	/**
	 * Subscriptions for a message name, oldest first: those of instances with exactly this
	 * correlation key (null matches only null), and the definitions' message start events.
	 */
	messageSubscriptions(name: string, correlationKey: string | null): Promise<MessageSubscriptionRow[]>;
	signalSubscriptions(name: string): Promise<SignalSubscriptionRow[]>;
	/** The oldest unexpired buffered message with this name and key (the engine removes it via `apply`). */
	findBufferedMessage(name: string, correlationKey: string | null, now: number, skip: ReadonlySet<string>): Promise<BufferedMessageRow | undefined>;
	/** Timers due at `now`, earliest first, not leased by another worker (or whose lease expired). */
	claimDueTimers(now: number, limit: number, leaseUntil: number): Promise<TimerRow[]>;
	/** Jobs of a type that are due and not leased; they are leased until `leaseUntil`. */
	activateJobs(type: string | undefined, now: number, limit: number, leaseUntil: number): Promise<JobRow[]>;
	apply(changes: StoreChanges): Promise<void>;
}

export interface DefinitionRow {
	/** `processId:version` */
	key: string;
	processId: string;
	version: number;
	model: ProcessModel;
	deployedAt: number;
}

export interface InstanceRow {
	id: string;
	definitionKey: string;
	/** Optimistic version, +1 per command that changed the instance. */
	version: number;
	status: InstanceStatus;
	state: InstanceState;
}

export interface TimerRow {
	id: string;
	instanceId?: string;
	definitionKey?: string;
	tokenId?: number;
	elementId: string;
	dueAt: number;
	/** Definition-level cycles only: repetitions left after this firing; -1 forever. */
	repetitions?: number;
}

export interface MessageSubscriptionRow {
	id: string;
	name: string;
	correlationKey: string | null;
	instanceId?: string;
	definitionKey?: string;
	tokenId?: number;
	elementId: string;
	createdAt: number;
}

export interface SignalSubscriptionRow {
	id: string;
	name: string;
	instanceId?: string;
	definitionKey?: string;
	tokenId?: number;
	elementId: string;
}

export interface JobRow {
	id: string;
	instanceId: string;
	tokenId: number;
	elementId: string;
	type: string;
	retries: number;
	dueAt: number;
	inputs: Record<string, unknown>;
}

/** An open user task, for task lists; derived from the instance. */
export interface TaskRow {
	id: string;
	instanceId: string;
	tokenId: number;
	elementId: string;
	name?: string;
	createdAt: number;
	stage?: string;
	assignment?: Record<string, unknown>;
	dueAt?: number;
}

export interface BufferedMessageRow {
	id: string;
	name: string;
	correlationKey: string | null;
	variables: Record<string, unknown>;
	createdAt: number;
	expiresAt: number;
}

export interface IndexChanges<Row> {
	put: Row[];
	remove: string[];
}

export interface StoreChanges {
	instances: { row: InstanceRow; expectedVersion: number }[];
	records: RecordInput[];
	timers: IndexChanges<TimerRow>;
	messageSubscriptions: IndexChanges<MessageSubscriptionRow>;
	signalSubscriptions: IndexChanges<SignalSubscriptionRow>;
	jobs: IndexChanges<JobRow>;
	tasks: IndexChanges<TaskRow>;
	bufferedMessages: IndexChanges<BufferedMessageRow>;
}

/** Another command changed the instance first; the engine retries the command. */
export class VersionConflictError extends Error {
	constructor(readonly instanceId: string) {
		super(`Instance ${instanceId} was changed by another command`);
	}
}

/** Read access to history, for reports and the CLI. */
export interface HistoryReader {
	records(filter: { instanceId?: string; definitionKey?: string; afterSeq?: number }): Promise<EngineRecord[]>;
}

export function emptyChanges(): StoreChanges {
	const index = () => ({ put: [], remove: [] });
	return {
		instances: [],
		records: [],
		timers: index(),
		messageSubscriptions: index(),
		signalSubscriptions: index(),
		jobs: index(),
		tasks: index(),
		bufferedMessages: index()
	};
}
