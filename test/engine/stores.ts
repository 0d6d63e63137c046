import type { Row } from '@libsql/client';
import { onTestFinished } from 'vitest';
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
import { LibsqlStore } from '../../src/lib/server/engine-store/libsql-store';
import * as rows from '../../src/lib/server/engine-store/rows';
import { tempDatabase } from '../helpers/temp-db';

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
 * The stores the suite runs against, chosen with `POTOK_ENGINE_STORE` (default `memory`):
 * - `memory`: the in-memory store of the CLI and the unit tests;
 * - `libsql`: a fresh, migrated libsql file under test/.tmp (WAL, as in production), deleted when
 *   the test ends; instances are numbered 1, 2, … like the memory store numbers them.
 */
export const storesUnderTest: Record<string, () => Promise<StoreUnderTest>> = {
	memory: async () => {
		const store = new MemoryStore();
		// the memory store's maps change only when a transaction commits, so they are the snapshot
		return { store, snapshot: async () => store, close: async () => {} };
	},
	libsql: async () => {
		const database = await tempDatabase('engine-conformance');
		let next = 1;
		let closed = false;
		const tenant = 'conformance';
		const store = new LibsqlStore(database, tenant, { newInstanceId: () => String(next++) });
		const read = async <R extends { id: string }>(table: string, adapt: (r: Row) => R) => {
			const rs = await database.client.execute({ sql: `select * from ${table} where tenant = ? order by rowid`, args: [tenant] });
			return new Map(rs.rows.map((r) => [String(r.id), adapt(r)]));
		};
		const underTest: StoreUnderTest = {
			store,
			snapshot: async () => ({
				instances: await read('engine_instances', rows.toInstance),
				tasks: await read('engine_tasks', rows.toTask),
				timers: await read('engine_timers', rows.toTimer),
				jobs: await read('engine_jobs', rows.toJob),
				messageSubscriptions: await read('engine_message_subscriptions', rows.toMessageSubscription),
				signalSubscriptions: await read('engine_signal_subscriptions', rows.toSignalSubscription),
				bufferedMessages: await read('engine_buffered_messages', rows.toBufferedMessage),
				history: await store.records({})
			}),
			close: async () => {
				if (closed) return;
				closed = true;
				database.dispose();
			}
		};
		onTestFinished(() => underTest.close());
		return underTest;
	}
};

export function storeUnderTest(): Promise<StoreUnderTest> {
	const name = process.env.POTOK_ENGINE_STORE ?? 'memory';
	const open = storesUnderTest[name];
	if (!open) throw new Error(`Unknown POTOK_ENGINE_STORE ${name}; known: ${Object.keys(storesUnderTest).join(', ')}`);
	return open();
}
