import { fileURLToPath } from 'node:url';
import type { ProcessModel } from '../bpmn/process-model';
import type { SimulationStore } from './simulation-store';

/** The workspace (tenant) the CLI's runs use in a database file. */
const TENANT = 'cli';

/**
 * `potok run --db FILE`: the engine's libsql store on a database file, created and migrated when
 * it does not exist. The file is the store: a later run sees the instances, tasks and timers of
 * the earlier ones, prints only its own records, and numbers new instances after the existing ones
 * (1, 2, … in a new file, as in memory).
 */
export async function openLibsqlSimulationStore(path: string): Promise<SimulationStore> {
	// loaded only for --db: the in-memory runs (and `potok test`) need no database driver
	const { connect } = await import('../server/db/connect');
	const { LibsqlStore } = await import('../server/engine-store/libsql-store');
	const rows = await import('../server/engine-store/rows');
	const database = await connect(`file:${path}`, { migrationsFolder: fileURLToPath(new URL('../server/db/migrations', import.meta.url)) });
	const query = async (sql: string, args: (string | number)[] = []) => (await database.client.execute({ sql, args: [TENANT, ...args] })).rows;

	const [numbers] = await query("select coalesce(max(cast(id as integer)), 0) as last from engine_instances where tenant = ? and id glob '[0-9]*'");
	let next = Number(numbers?.last ?? 0) + 1;
	const store = new LibsqlStore(database, TENANT, { newInstanceId: () => String(next++) });
	const [seq] = await query('select coalesce(max(seq), 0) as last from engine_records where tenant = ?');
	const models = new Map<string, ProcessModel>();

	return {
		store,
		lastSeq: Number(seq?.last ?? 0),
		tasks: () => store.openTasks(),
		nextDue: async () => {
			const [row] = await query(
				'select min(due_at) as next from (select due_at from engine_timers where tenant = ?1 union all select due_at from engine_jobs where tenant = ?1)'
			);
			return row?.next === null || row?.next === undefined ? Infinity : Number(row.next);
		},
		activeInstances: async () => (await query("select * from engine_instances where tenant = ? and status = 'active' order by rowid")).map(rows.toInstance),
		instanceStatus: async (id) => {
			const [row] = await query('select status from engine_instances where tenant = ? and id = ?', [id]);
			return row ? String(row.status) : undefined;
		},
		model: async (key) => {
			if (!models.has(key)) {
				const [row] = await query('select model from engine_definitions where tenant = ? and key = ?', [key]);
				if (row) models.set(key, JSON.parse(String(row.model)));
			}
			return models.get(key);
		},
		recordsAfter: (seq) => store.records({ afterSeq: seq }),
		close: async () => database.close()
	};
}
