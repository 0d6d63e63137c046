import type { InStatement, Transaction } from '@libsql/client';
import type { EngineRecord } from '$lib/engine/records';
import {
	VersionConflictError,
	type DefinitionRow,
	type HistoryReader,
	type IndexChanges,
	type Store,
	type StoreChanges,
	type StoreTx,
	type TaskRow,
	type TimerRow
} from '$lib/engine/store';
import type { Database } from '../db';
import { newId } from '../ids';
import * as rows from './rows';

/**
 * The engine's Store on libsql: one `BEGIN IMMEDIATE` transaction per engine
 * command (queued with the app's other writers), instance rows with an
 * optimistic version, index rows replaced whole, records appended. A store is
 * scoped to one tenant (workspace): nothing of another tenant is visible.
 * Published definitions are immutable, so they are cached once read.
 */
export class LibsqlStore implements Store, HistoryReader {
	readonly #definitions = new Map<string, DefinitionRow>();

	readonly #newInstanceId: () => string;

	/**
	 * `options.newInstanceId` replaces the random instance ids (the conformance suite and the CLI
	 * number instances 1, 2, …); ids must stay unique over the whole database, not just the tenant.
	 */
	constructor(
		readonly database: Database,
		readonly tenant: string,
		options: { newInstanceId?: () => string } = {}
	) {
		this.#newInstanceId = options.newInstanceId ?? newId;
	}

	transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
		return this.database.writeRaw((sql) => fn(this.#tx(sql)));
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

	#tx(sql: Transaction): StoreTx {
		const tenant = this.tenant;
		const one = async (q: string, args: (string | number | null)[]) => (await sql.execute({ sql: q, args })).rows[0];
		const all = async (q: string, args: (string | number | null)[]) => (await sql.execute({ sql: q, args })).rows;
		const newDefinitions: DefinitionRow[] = [];
		const cacheKey = (key: string) => `${tenant}\u0000${key}`;

		const toDefinition = (r: NonNullable<Awaited<ReturnType<typeof one>>>): DefinitionRow => {
			const key = String(r.key);
			const cached = this.#definitions.get(cacheKey(key));
			if (cached) return cached;
			const row: DefinitionRow = {
				key,
				processId: String(r.process_id),
				version: Number(r.version),
				model: JSON.parse(String(r.model)),
				deployedAt: Number(r.deployed_at)
			};
			this.#definitions.set(cacheKey(key), row);
			return row;
		};

		return {
			getDefinition: async (key) => {
				const cached = this.#definitions.get(cacheKey(key)) ?? newDefinitions.find((d) => d.key === key);
				if (cached) return cached;
				const r = await one('select * from engine_definitions where tenant = ? and key = ?', [tenant, key]);
				return r && toDefinition(r);
			},
			latestDefinition: async (processId) => {
				const fresh = newDefinitions.filter((d) => d.processId === processId).sort((a, b) => b.version - a.version)[0];
				if (fresh) return fresh;
				const r = await one(
					'select * from engine_definitions where tenant = ? and process_id = ? order by version desc limit 1',
					[tenant, processId]
				);
				return r && toDefinition(r);
			},
			putDefinition: async (row) => {
				await sql.execute({
					sql: 'insert into engine_definitions (tenant, key, process_id, version, model, deployed_at) values (?, ?, ?, ?, ?, ?)',
					args: [tenant, row.key, row.processId, row.version, JSON.stringify(row.model), row.deployedAt]
				});
				newDefinitions.push(row);
			},
			newInstanceId: async () => this.#newInstanceId(),
			loadInstance: async (id) => {
				const r = await one('select * from engine_instances where tenant = ? and id = ?', [tenant, id]);
				return r && rows.toInstance(r);
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
				await applyInstances(sql, tenant, changes);
				const statements = [...recordStatements(tenant, changes), ...indexStatements(tenant, changes)];
				if (statements.length > 0) await sql.batch(statements);
			}
		};
	}
}

async function applyInstances(sql: Transaction, tenant: string, changes: StoreChanges): Promise<void> {
	const now = Date.now();
	for (const { row, expectedVersion } of changes.instances) {
		const state = JSON.stringify(row.state);
		const done =
			expectedVersion === 0
				? await sql.execute({
						sql: `insert into engine_instances (id, tenant, definition_key, version, status, state, updated_at)
						      values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
						args: [row.id, tenant, row.definitionKey, row.version, row.status, state, now]
					})
				: await sql.execute({
						sql: 'update engine_instances set version = ?, status = ?, state = ?, updated_at = ? where id = ? and tenant = ? and version = ?',
						args: [row.version, row.status, state, now, row.id, tenant, expectedVersion]
					});
		if (done.rowsAffected !== 1) throw new VersionConflictError(row.id);
	}
}

type Value = string | number | null;

/** Rows per multi-row statement: far below SQLite's limit of bound parameters. */
const CHUNK = 200;

/** `insert … values (…), (…)` statements for many rows, in chunks. */
function multiInsert(head: string, rows: Value[][]): InStatement[] {
	const out: InStatement[] = [];
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK);
		const tuple = `(${chunk[0]!.map(() => '?').join(', ')})`;
		out.push({ sql: `${head} values ${chunk.map(() => tuple).join(', ')}`, args: chunk.flat() });
	}
	return out;
}

function recordStatements(tenant: string, changes: StoreChanges): InStatement[] {
	return multiInsert(
		'insert into engine_records (tenant, at, instance, event, element, element_type, token, message, variables, actor, definition, stage, status)',
		changes.records.map((r) => [
			tenant,
			r.at,
			r.instance,
			r.event,
			r.element ?? null,
			r.elementType ?? null,
			r.token ?? null,
			r.message ?? null,
			r.variables === undefined ? null : JSON.stringify(r.variables),
			r.actor ?? null,
			r.definition ?? null,
			r.stage ?? null,
			r.status ?? null
		])
	);
}

/** One table's index changes: deletions, then whole-row replacements (which also drop any lease). */
function indexTable<Row extends { id: string }>(
	tenant: string,
	table: string,
	changes: IndexChanges<Row>,
	columns: string[],
	values: (row: Row) => Value[]
): InStatement[] {
	const out: InStatement[] = [];
	for (let i = 0; i < changes.remove.length; i += CHUNK) {
		const ids = changes.remove.slice(i, i + CHUNK);
		out.push({ sql: `delete from ${table} where tenant = ? and id in (${ids.map(() => '?').join(', ')})`, args: [tenant, ...ids] });
	}
	out.push(
		...multiInsert(
			`insert or replace into ${table} (tenant, id, ${columns.join(', ')})`,
			changes.put.map((row) => [tenant, row.id, ...values(row)])
		)
	);
	return out;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function indexStatements(tenant: string, c: StoreChanges): InStatement[] {
	return [
		...indexTable(tenant, 'engine_timers', c.timers, ['instance_id', 'definition_key', 'token_id', 'element_id', 'due_at', 'repetitions'], (t) => [
			orNull(t.instanceId),
			orNull(t.definitionKey),
			orNull(t.tokenId),
			t.elementId,
			t.dueAt,
			orNull(t.repetitions)
		]),
		...indexTable(
			tenant,
			'engine_message_subscriptions',
			c.messageSubscriptions,
			['name', 'correlation_key', 'instance_id', 'definition_key', 'token_id', 'element_id', 'created_at'],
			(s) => [s.name, s.correlationKey, orNull(s.instanceId), orNull(s.definitionKey), orNull(s.tokenId), s.elementId, s.createdAt]
		),
		...indexTable(tenant, 'engine_signal_subscriptions', c.signalSubscriptions, ['name', 'instance_id', 'definition_key', 'token_id', 'element_id'], (s) => [
			s.name,
			orNull(s.instanceId),
			orNull(s.definitionKey),
			orNull(s.tokenId),
			s.elementId
		]),
		...indexTable(tenant, 'engine_jobs', c.jobs, ['instance_id', 'token_id', 'element_id', 'type', 'retries', 'due_at', 'inputs'], (j) => [
			j.instanceId,
			j.tokenId,
			j.elementId,
			j.type,
			j.retries,
			j.dueAt,
			JSON.stringify(j.inputs)
		]),
		...indexTable(tenant, 'engine_tasks', c.tasks, ['instance_id', 'token_id', 'element_id', 'name', 'created_at', 'stage', 'assignment', 'due_at'], (t) => [
			t.instanceId,
			t.tokenId,
			t.elementId,
			orNull(t.name),
			t.createdAt,
			orNull(t.stage),
			t.assignment === undefined ? null : JSON.stringify(t.assignment),
			orNull(t.dueAt)
		]),
		...indexTable(tenant, 'engine_buffered_messages', c.bufferedMessages, ['name', 'correlation_key', 'variables', 'created_at', 'expires_at'], (m) => [
			m.name,
			m.correlationKey,
			JSON.stringify(m.variables),
			m.createdAt,
			m.expiresAt
		])
	];
}
