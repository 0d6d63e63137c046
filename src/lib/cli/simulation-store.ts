import type { ProcessModel } from '../bpmn/process-model';
import type { EngineRecord } from '../engine/records';
import { MemoryStore } from '../engine/memory-store';
import type { InstanceRow, Store, TaskRow } from '../engine/store';

/**
 * Where `potok run` and `potok test` keep the engine's state: the engine's Store plus the reads the
 * simulator makes between commands (what waits, what falls due next, the new records).
 */
export interface SimulationStore {
	readonly store: Store;
	/** Open user tasks. */
	tasks(): Promise<TaskRow[]>;
	/** When the next timer or robot job falls due; Infinity when nothing does. */
	nextDue(): Promise<number>;
	activeInstances(): Promise<InstanceRow[]>;
	instanceStatus(id: string): Promise<string | undefined>;
	model(definitionKey: string): Promise<ProcessModel | undefined>;
	/** Records appended after `seq`, in order; `lastSeq` is where this run began. */
	recordsAfter(seq: number): Promise<EngineRecord[]>;
	readonly lastSeq: number;
	close(): Promise<void>;
}

/** The in-memory store: nothing outlives the run. */
export function memorySimulationStore(): SimulationStore {
	const store = new MemoryStore();
	return {
		store,
		lastSeq: 0,
		tasks: async () => [...store.tasks.values()],
		nextDue: async () => {
			let next = Infinity;
			for (const t of store.timers.values()) next = Math.min(next, t.dueAt);
			for (const j of store.jobs.values()) next = Math.min(next, j.dueAt);
			return next;
		},
		activeInstances: async () => [...store.instances.values()].filter((row) => row.status === 'active'),
		instanceStatus: async (id) => store.instances.get(id)?.status,
		model: async (key) => store.definitions.get(key)?.model,
		recordsAfter: async (seq) => store.history.slice(seq),
		close: async () => {}
	};
}
