import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { crmRecordEmails, crmRecordPhones, crmRecords } from '../db/schema';
import { RECORD_STATUSES } from '../db/schema/crm';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { requireEntityType } from './entity-types';
import { normaliseQuery } from './names';
import { normalisePhone, phoneQueryDigits } from './phone';
import type { CrmRecord } from './record-read';
import { recordVisibility } from './record-scope';

/**
 * The records list: one entity type, newest change first, filtered by
 * pipeline, stage, status, responsible and a search `q` (title and names,
 * e-mail prefix, phone digits). Pages are keyset pages on (updated_at, id):
 * a page costs the same at record 100,000 as at record 1, because the
 * indexes `(workspace, type, pipeline, stage, updated_at, id)`,
 * `(workspace, type, updated_at, id, search_text)` and `(workspace, type,
 * responsible, updated_at, id)` — partial, on live records — deliver rows
 * already in order, and a `q` on the search text is checked in the index.
 */

export const recordListSchema = z.object({
	type: z.string().trim().min(1, 'required').max(48),
	pipeline: z.string().trim().min(1).max(100).optional(),
	stage: z.string().trim().min(1).max(100).optional(),
	status: z.enum(RECORD_STATUSES).optional(),
	responsibleId: z.string().trim().min(1).max(64).optional(),
	q: z.string().trim().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).optional().default(50),
	/** The `nextCursor` of the previous page. */
	cursor: z.string().max(100).optional()
});
export type RecordListQuery = z.input<typeof recordListSchema>;

export type RecordListItem = Omit<CrmRecord, 'observerIds'>;

export interface RecordPage {
	items: RecordListItem[];
	/** Pass as `cursor` for the next page; null on the last page. */
	nextCursor: string | null;
}

const cursorPattern = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function encodeCursor(record: { updatedAt: Date; id: string }): string {
	return `${record.updatedAt.getTime()}.${record.id}`;
}

function decodeCursor(cursor: string): { ms: number; id: string } {
	const m = cursorPattern.exec(cursor);
	if (!m) throw new UserError('validation', {}, [{ field: 'cursor', message: 'invalid' }]);
	return { ms: Number(m[1]), id: m[2]! };
}

/** A whole phone number, or title/name text, an e-mail prefix or phone digits. */
function searchCondition(workspaceId: string, entityTypeId: string, q: string): SQL | undefined {
	const text = normaliseQuery(q);
	if (text === '') return undefined;
	const phones = (match: SQL) =>
		sql`${crmRecords.id} in (select ${crmRecordPhones.recordId} from ${crmRecordPhones} where ${crmRecordPhones.workspaceId} = ${workspaceId}
			and ${crmRecordPhones.entityTypeId} = ${entityTypeId} and ${match})`;
	const full = normalisePhone(q);
	if (full) return phones(sql`${crmRecordPhones.phone} = ${full}`);
	const conditions: SQL[] = [
		sql`instr(${crmRecords.searchText}, ${text}) > 0`,
		sql`${crmRecords.id} in (select ${crmRecordEmails.recordId} from ${crmRecordEmails} where ${crmRecordEmails.workspaceId} = ${workspaceId}
			and ${crmRecordEmails.entityTypeId} = ${entityTypeId} and ${crmRecordEmails.email} >= ${text} and ${crmRecordEmails.email} < ${`${text}\uffff`})`
	];
	const digits = phoneQueryDigits(q);
	if (digits) conditions.push(phones(sql`instr(${crmRecordPhones.phone}, ${digits}) > 0`));
	return or(...conditions);
}

const listColumns = {
	id: crmRecords.id,
	entityTypeId: crmRecords.entityTypeId,
	pipeline: crmRecords.pipeline,
	stage: crmRecords.stage,
	status: crmRecords.status,
	title: crmRecords.title,
	responsibleId: crmRecords.responsibleId,
	values: crmRecords.fieldValues,
	amount: crmRecords.amount,
	currency: crmRecords.currency,
	instanceId: crmRecords.instanceId,
	mergedInto: crmRecords.mergedInto,
	createdBy: crmRecords.createdBy,
	createdAt: crmRecords.createdAt,
	updatedAt: crmRecords.updatedAt
};

/** The SQL of a page, for tests that check the plan. */
export async function recordListQuery(database: Database, scope: WorkspaceScope, query: RecordListQuery) {
	const filter = recordListSchema.parse(query);
	const type = await requireEntityType(database.db, scope.workspaceId, filter.type);
	const after = filter.cursor ? decodeCursor(filter.cursor) : null;
	const statement = database.db
		.select(listColumns)
		.from(crmRecords)
		.where(
			and(
				eq(crmRecords.workspaceId, scope.workspaceId),
				eq(crmRecords.entityTypeId, type.id),
				isNull(crmRecords.mergedInto),
				filter.pipeline !== undefined ? eq(crmRecords.pipeline, filter.pipeline) : undefined,
				filter.stage !== undefined ? eq(crmRecords.stage, filter.stage) : undefined,
				filter.status !== undefined ? eq(crmRecords.status, filter.status) : undefined,
				filter.responsibleId !== undefined ? eq(crmRecords.responsibleId, filter.responsibleId) : undefined,
				recordVisibility(scope),
				filter.q ? searchCondition(scope.workspaceId, type.id, filter.q) : undefined,
				after ? sql`(${crmRecords.updatedAt}, ${crmRecords.id}) < (${after.ms}, ${after.id})` : undefined
			)
		)
		.orderBy(desc(crmRecords.updatedAt), desc(crmRecords.id))
		.limit(filter.limit + 1);
	return { statement, type, limit: filter.limit };
}

export async function listRecords(database: Database, scope: WorkspaceScope, query: RecordListQuery): Promise<RecordPage> {
	const { statement, type, limit } = await recordListQuery(database, scope, query);
	const rows = await statement;
	const items = rows.slice(0, limit).map((r) => ({ ...r, type: type.key }));
	const last = items[items.length - 1];
	return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
