import type { Transaction } from '@libsql/client';
import type { EngineRecord } from '../../engine/records';
import {
	VersionConflictError,
	type DefinitionRow,
	type HistoryReader,
	type InstanceRow,
	type Store,
	type StoreChanges,
	type StoreTx,
	type TaskRow,
	type TimerRow
} from '../../engine/store';
import type { Database } from '../db';
import * as rows from './rows';
import { CommandDefinitions, DefinitionCache, StaleDefinitionError, isDefinitionClash, isGuardFailure } from './definition-cache';
import { GroupCommit } from './group-commit';
import { newInstanceId } from './instance-id';
import { writeScript } from './write-script';

/**
 * The engine's Store on libsql. Each engine command runs in a `BEGIN IMMEDIATE`
 * transaction (queued with the app's other writers) that it may share with the
 * commands issued at the same time (group commit, see group-commit.ts); it is
 * answered once that transaction has committed. A command's writes — instance
 * rows with an optimistic version, records appended, index rows replaced whole —
 * go to the database as one SQL script (write-script.ts), so a command costs
 * its reads plus one driver call. A store is scoped to one tenant (workspace):
 * nothing of another tenant is visible. Published definitions are immutable, so
 * they are cached once read.
 */
export class LibsqlStore implements Store, HistoryReader {
	readonly #definitions = new DefinitionCache();
	readonly #afterApply: AfterApply | undefined;

	readonly #newInstanceId: () => string;
	readonly #commits: GroupCommit;

	/**
	 * `options.newInstanceId` replaces the random instance ids (the conformance suite and the CLI
	 * number instances 1, 2, …); ids must stay unique over the whole database, not just the tenant.
	 */
	constructor(
		readonly database: Database,
		readonly tenant: string,
		options: { newInstanceId?: () => string; afterApply?: AfterApply } = {}
	) {
		this.#newInstanceId = options.newInstanceId ?? newInstanceId;
		this.#afterApply = options.afterApply;
		this.#commits = GroupCommit.of(database);
	}

	async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
		const definitions = this.#definitions.begin();
		try {
			const value = await this.#commits.run((sql) => fn(this.#tx(sql, definitions)));
			this.#definitions.commit(definitions);
			return value;
		} catch (error) {
			if (error instanceof StaleDefinitionError) this.#definitions.forget(definitions);
			// a command refused on a latest version taken from the cache: was it still the latest?
			else if (definitions.assumed.size > 0 && (await this.#stale(definitions.assumed))) {
				this.#definitions.forget(definitions);
				return this.transaction(fn);
			}
			throw error;
		}
	}

	/**
	 * Runs one command inside a write transaction the caller already holds (no group commit): the
	 * caller commits or rolls back, together with its own writes. What the command learns about
	 * definitions is not cached, since the caller may still roll back.
	 */
	within<T>(sql: Transaction, fn: (tx: StoreTx) => Promise<T>): Promise<T> {
		return fn(this.#tx(sql, this.#definitions.begin()));
	}

	async #stale(assumed: ReadonlyMap<string, number>): Promise<boolean> {
		const ids = [...assumed.keys()];
		const rs = await this.database.client.execute({
			sql: `select process_id, max(version) as version from engine_definitions where tenant = ? and process_id in (${ids.map(() => '?').join(', ')}) group by process_id`,
			args: [this.tenant, ...ids]
		});
		return rs.rows.some((r) => Number(r.version) > (assumed.get(String(r.process_id)) ?? Infinity));
	}

	async records(filter: { instanceId?: string; definitionKey?: string; afterSeq?: number }): Promise<EngineRecord[]> {
		const where = ['r.tenant = ?'];
		const args: (string | number)[] = [this.tenant];
		if (filter.instanceId !== undefined) {
			where.push('r.instance = ?');
			args.push(filter.instanceId);
		}
		if (filter.afterSeq !== undefined) {
			where.push('r.seq > ?');
			args.push(filter.afterSeq);
		}
		if (filter.definitionKey !== undefined) {
			where.push('r.instance in (select id from engine_instances where tenant = ? and definition_key = ?)');
			args.push(this.tenant, filter.definitionKey);
		}
		const rs = await this.database.client.execute({ sql: `select r.* from engine_records r where ${where.join(' and ')} order by r.seq`, args });
		return rs.rows.map(rows.toRecord);
	}

	/** Open user tasks, oldest first (for task lists and tests). */
	async openTasks(elementId?: string): Promise<TaskRow[]> {
		const rs = await this.database.client.execute({
			sql: `select * from engine_tasks where tenant = ? ${elementId ? 'and element_id = ?' : ''} order by created_at, rowid`,
			args: elementId ? [this.tenant, elementId] : [this.tenant]
		});
		return rs.rows.map(rows.toTask);
	}

	/** Pending timers, earliest first. */
	async pendingTimers(): Promise<TimerRow[]> {
		const rs = await this.database.client.execute({ sql: 'select * from engine_timers where tenant = ? order by due_at, id', args: [this.tenant] });
		return rs.rows.map(rows.toTimer);
	}

	#tx(sql: Transaction, definitions: CommandDefinitions): StoreTx {
		const tenant = this.tenant;
		const one = async (q: string, args: (string | number | null)[]) => (await sql.execute({ sql: q, args })).rows[0];
		const all = async (q: string, args: (string | number | null)[]) => (await sql.execute({ sql: q, args })).rows;
		// Versions of instance rows read or written in this transaction. It holds the write lock
		// (BEGIN IMMEDIATE) from the start, so nobody else can have changed them since.
		const readVersions = new Map<string, number>();
		const byKey = async (key: string) => {
			const known = definitions.known(key);
			if (known) return known;
			const r = await one('select * from engine_definitions where tenant = ? and key = ?', [tenant, key]);
			if (!r) return undefined;
			const row: DefinitionRow = {
				key,
				processId: String(r.process_id),
				version: Number(r.version),
				model: JSON.parse(String(r.model)),
				deployedAt: Number(r.deployed_at)
			};
			definitions.read.set(key, row);
			return row;
		};

		return {
			getDefinition: byKey,
			latestDefinition: async (processId) => {
				const known = definitions.latestKnown(processId);
				if (known) return known;
				const latest = await one('select key from engine_definitions where tenant = ? and process_id = ? order by version desc limit 1', [tenant, processId]);
				const row = latest && (await byKey(String(latest.key)));
				if (row) definitions.latestRead.set(processId, row);
				return row;
			},
			putDefinition: async (row) => {
				try {
					await sql.execute({
						sql: 'insert into engine_definitions (tenant, key, process_id, version, model, deployed_at) values (?, ?, ?, ?, ?, ?)',
						args: [tenant, row.key, row.processId, row.version, JSON.stringify(row.model), row.deployedAt]
					});
				} catch (error) {
					// the version was taken meanwhile: the latest version this command assumed is stale
					if (isDefinitionClash(error)) throw new StaleDefinitionError(row.processId);
					throw error;
				}
				definitions.created.push(row);
			},
			newInstanceId: async () => this.#newInstanceId(),
			loadInstance: async (id) => {
				// one column: the driver's cost per read grows with the columns it describes
				const r = await one('select json_array(version, status, definition_key, json(state)) as row from engine_instances where tenant = ? and id = ?', [tenant, id]);
				if (!r) return undefined;
				const [version, status, definitionKey, state] = JSON.parse(String(r.row)) as [number, InstanceRow['status'], string, InstanceRow['state']];
				readVersions.set(id, version);
				return { id, definitionKey, version, status, state };
			},
			messageSubscriptions: async (name, key) =>
				(
					await all(
						`select * from engine_message_subscriptions
						 where tenant = ? and name = ? and (definition_key is not null or correlation_key is ?)
						 order by created_at, rowid`,
						[tenant, name, key]
					)
				).map(rows.toMessageSubscription),
			signalSubscriptions: async (name) =>
				(await all('select * from engine_signal_subscriptions where tenant = ? and name = ? order by rowid', [tenant, name])).map(
					rows.toSignalSubscription
				),
			findBufferedMessage: async (name, key, now, skip) => {
				const found = await all(
					`select * from engine_buffered_messages
					 where tenant = ? and name = ? and correlation_key is ? and expires_at > ?
					 order by created_at, rowid`,
					[tenant, name, key, now]
				);
				const row = found.find((r) => !skip.has(String(r.id)));
				return row && rows.toBufferedMessage(row);
			},
			claimDueTimers: async (now, limit, leaseUntil) =>
				(
					await all(
						`update engine_timers set lease_until = ?
						 where tenant = ? and id in (
						   select id from engine_timers where tenant = ? and due_at <= ? and lease_until <= ?
						   order by due_at, id limit ?)
						 returning *`,
						[leaseUntil, tenant, tenant, now, now, limit]
					)
				)
					.map(rows.toTimer)
					.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1)),
			activateJobs: async (type, now, limit, leaseUntil) =>
				(
					await all(
						`update engine_jobs set lease_until = ?
						 where tenant = ? and id in (
						   select id from engine_jobs where tenant = ? and (? is null or type = ?) and due_at <= ? and lease_until <= ?
						   order by due_at, id limit ?)
						 returning *`,
						[leaseUntil, tenant, tenant, type ?? null, type ?? null, now, now, limit]
					)
				)
					.map(rows.toJob)
					.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1)),
			apply: async (changes) => {
				const now = Date.now();
				const insert: StoreChanges['instances'] = [];
				const update: StoreChanges['instances'] = [];
				for (const change of changes.instances) {
					if (change.expectedVersion === 0) insert.push(change);
					else if (readVersions.get(change.row.id) === change.expectedVersion) update.push(change);
					// read outside this transaction (or never): the version check needs its own statement
					else await checkedUpdate(sql, tenant, change, now);
				}
				const guards = definitions.guards(tenant);
				const script = [...guards, writeScript(tenant, changes, { insert, update }, now)].filter(Boolean).join(';\n');
				try {
					if (script) await sql.executeMultiple(script);
				} catch (error) {
					if (isGuardFailure(error)) throw new StaleDefinitionError([...definitions.assumed.keys()].join(', '));
					if (insert[0] && isInstanceClash(error)) throw new VersionConflictError(insert[0].row.id);
					throw error;
				}
				for (const { row } of [...insert, ...update]) readVersions.set(row.id, row.version);
				if (this.#afterApply) await this.#afterApply(sql, changes, tenant, this.database);
			}
		};
	}
}

/**
 * Called at the end of every command's `apply`, in the same transaction, after the engine's writes:
 * how the app keeps its own rows (records, tasks) in step with the runtime, all or nothing.
 */
export type AfterApply = (sql: Transaction, changes: StoreChanges, tenant: string, database: Database) => Promise<void>;

/** An instance update whose expected version is checked by the statement itself. */
async function checkedUpdate(sql: Transaction, tenant: string, { row, expectedVersion }: StoreChanges['instances'][number], now: number): Promise<void> {
	const done = await sql.execute({
		sql: 'update engine_instances set version = ?, status = ?, state = ?, updated_at = ? where id = ? and tenant = ? and version = ?',
		args: [row.version, row.status, JSON.stringify(row.state), now, row.id, tenant, expectedVersion]
	});
	if (done.rowsAffected !== 1) throw new VersionConflictError(row.id);
}

/** A new instance row whose id exists already: somebody else created it first. */
function isInstanceClash(error: unknown): boolean {
	return error instanceof Error && /constraint/i.test(error.message) && error.message.includes('engine_instances.id');
}
