import type { IndexChanges, StoreChanges } from '../../engine/store';
import { sqlLiteral, sqlTuple, type SqlValue } from './sql-literal';

/**
 * A command's writes as one SQL script: instance rows, history records and index rows, each table
 * in as few statements as its rows allow (multi-row `insert`, one `delete … in (…)`). The store runs
 * it with one driver call inside the command's transaction.
 *
 * `instances` says how each instance row is written: `insert` for a new one (a primary-key clash
 * fails the script), `update` for one whose version the transaction has already read under the
 * write lock (the `version = expected` guard cannot miss then). Rows needing a checked update are
 * not part of the script.
 */
export function writeScript(tenant: string, changes: StoreChanges, instances: { insert: StoreChanges['instances']; update: StoreChanges['instances'] }, now: number): string {
	const t = sqlLiteral(tenant);
	const out: string[] = [];
	if (instances.insert.length > 0) {
		out.push(
			...multiInsert(
				'insert',
				'engine_instances',
				['id', 'tenant', 'definition_key', 'version', 'status', 'state', 'updated_at'],
				instances.insert.map(({ row }) => [row.id, tenant, row.definitionKey, row.version, row.status, JSON.stringify(row.state), now])
			)
		);
	}
	for (const { row, expectedVersion } of instances.update) {
		out.push(
			`update engine_instances set version = ${row.version}, status = ${sqlLiteral(row.status)}, state = ${sqlLiteral(JSON.stringify(row.state))}, ` +
				`updated_at = ${now} where id = ${sqlLiteral(row.id)} and tenant = ${t} and version = ${expectedVersion}`
		);
	}
	out.push(
		...multiInsert(
			'insert',
			'engine_records',
			['tenant', 'at', 'instance', 'event', 'element', 'element_type', 'token', 'message', 'variables', 'actor', 'definition', 'stage', 'status'],
			changes.records.map((r) => [
				tenant,
				r.at,
				r.instance,
				r.event,
				orNull(r.element),
				orNull(r.elementType),
				orNull(r.token),
				orNull(r.message),
				r.variables === undefined ? null : JSON.stringify(r.variables),
				orNull(r.actor),
				orNull(r.definition),
				orNull(r.stage),
				orNull(r.status)
			])
		)
	);
	index(out, tenant, 'engine_timers', changes.timers, ['instance_id', 'definition_key', 'token_id', 'element_id', 'due_at', 'repetitions'], (r) => [
		orNull(r.instanceId),
		orNull(r.definitionKey),
		orNull(r.tokenId),
		r.elementId,
		r.dueAt,
		orNull(r.repetitions)
	]);
	index(
		out,
		tenant,
		'engine_message_subscriptions',
		changes.messageSubscriptions,
		['name', 'correlation_key', 'instance_id', 'definition_key', 'token_id', 'element_id', 'created_at'],
		(r) => [r.name, r.correlationKey, orNull(r.instanceId), orNull(r.definitionKey), orNull(r.tokenId), r.elementId, r.createdAt]
	);
	index(out, tenant, 'engine_signal_subscriptions', changes.signalSubscriptions, ['name', 'instance_id', 'definition_key', 'token_id', 'element_id'], (r) => [
		r.name,
		orNull(r.instanceId),
		orNull(r.definitionKey),
		orNull(r.tokenId),
		r.elementId
	]);
	index(out, tenant, 'engine_jobs', changes.jobs, ['instance_id', 'token_id', 'element_id', 'type', 'retries', 'due_at', 'inputs'], (r) => [
		r.instanceId,
		r.tokenId,
		r.elementId,
		r.type,
		r.retries,
		r.dueAt,
		JSON.stringify(r.inputs)
	]);
	index(out, tenant, 'engine_tasks', changes.tasks, ['instance_id', 'token_id', 'element_id', 'name', 'created_at', 'stage', 'assignment', 'due_at'], (r) => [
		r.instanceId,
		r.tokenId,
		r.elementId,
		orNull(r.name),
		r.createdAt,
		orNull(r.stage),
		r.assignment === undefined ? null : JSON.stringify(r.assignment),
		orNull(r.dueAt)
	]);
	index(out, tenant, 'engine_buffered_messages', changes.bufferedMessages, ['name', 'correlation_key', 'variables', 'created_at', 'expires_at'], (r) => [
		r.name,
		r.correlationKey,
		JSON.stringify(r.variables),
		r.createdAt,
		r.expiresAt
	]);
	return out.length === 0 ? '' : out.join(';\n') + ';';
}

/** Rows per statement, to keep each statement a modest size. */
const CHUNK = 200;

/**
 * `insert … values (…), (…)` in chunks. Columns that are NULL in every row of a chunk are left out
 * (they default to NULL): compiling the statement is most of its cost, and it grows with the
 * number of values.
 */
function multiInsert(verb: string, table: string, columns: string[], rows: SqlValue[][]): string[] {
	const out: string[] = [];
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK);
		const used: number[] = [];
		for (let c = 0; c < columns.length; c++) if (chunk.some((row) => row[c] !== null)) used.push(c);
		let sql = `${verb} into ${table} (${used.map((c) => columns[c]).join(', ')}) values `;
		for (let r = 0; r < chunk.length; r++) sql += (r === 0 ? '' : ', ') + sqlTuple(chunk[r] as SqlValue[], used);
		out.push(sql);
	}
	return out;
}

/** One table's index changes: deletions, then whole-row replacements (which also drop any lease). */
function index<Row extends { id: string }>(out: string[], tenant: string, table: string, changes: IndexChanges<Row>, columns: string[], values: (row: Row) => SqlValue[]): void {
	for (let i = 0; i < changes.remove.length; i += CHUNK) {
		out.push(`delete from ${table} where tenant = ${sqlLiteral(tenant)} and id in ${sqlTuple(changes.remove.slice(i, i + CHUNK))}`);
	}
	out.push(...multiInsert('insert or replace', table, ['tenant', 'id', ...columns], changes.put.map((row) => [tenant, row.id, ...values(row)])));
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
