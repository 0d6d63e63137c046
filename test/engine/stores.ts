import { MemoryStore } from '../../src/lib/engine';
import type {
	BufferedMessageRow,
	EngineRecord,
	InstanceRow,
	JobRow,
	MessageSubscriptionRow,
	SignalSubscriptionRow,
	Store,
	TaskRow,
	TimerRow
} from '../../src/lib/engine';

/** Everything a store holds, read after each command so that tests can look at it synchronously. */
export interface StoreSnapshot {
	instances: ReadonlyMap<string, InstanceRow>;
	tasks: ReadonlyMap<string, TaskRow>;
	timers: ReadonlyMap<string, TimerRow>;
	jobs: ReadonlyMap<string, JobRow>;
	messageSubscriptions: ReadonlyMap<string, MessageSubscriptionRow>;
	signalSubscriptions: ReadonlyMap<string, SignalSubscriptionRow>;
	bufferedMessages: ReadonlyMap<string, BufferedMessageRow>;
	history: readonly EngineRecord[];
}

/** A store the conformance suite runs against, with a way to read all of it back. */
export interface StoreUnderTest {
	store: Store;
	snapshot(): Promise<StoreSnapshot>;
	close(): Promise<void>;
}

/**
 * The stores the suite can run against, chosen with `POTOK_ENGINE_STORE` (default `memory`). A
 * libsql store is added here as one more entry: open a temp file, and read the tables back in
 * `snapshot()`.
 */
export const storesUnderTest: Record<string, () => Promise<StoreUnderTest>> = {
	memory: async () => {
		const store = new MemoryStore();
		// the memory store's maps change only when a transaction commits, so they are the snapshot
		return { store, snapshot: async () => store, close: async () => {} };
	}
};

export function storeUnderTest(): Promise<StoreUnderTest> {
	const name = process.env.POTOK_ENGINE_STORE ?? 'memory';
	const open = storesUnderTest[name];
	if (!open) throw new Error(`Unknown POTOK_ENGINE_STORE ${name}; known: ${Object.keys(storesUnderTest).join(', ')}`);
	return open();
}
