import { and, eq, inArray } from 'drizzle-orm';
import { crmEntityTypes, crmRecordObservers, crmRecords } from '../db/schema';
import type { RecordStatus } from '../db/schema/crm';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import type { Reader } from './db-types';
import { canSeeRecord } from './record-scope';

/** A record as cards, lists and the API show it. */
export interface CrmRecord {
	id: string;
	type: string;
	entityTypeId: string;
	pipeline: string | null;
	stage: string | null;
	status: RecordStatus;
	title: string;
	responsibleId: string | null;
	observerIds: string[];
	values: Record<string, unknown>;
	amount: number | null;
	currency: string | null;
	instanceId: string | null;
	/** Set when the record was merged into another: open that one instead. */
	mergedInto: string | null;
	createdBy: string | null;
	createdAt: Date;
	updatedAt: Date;
}

export const recordColumns = {
	id: crmRecords.id,
	type: crmEntityTypes.key,
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

/** Records of the workspace by id, with their observers; unknown ids are left out. */
export async function loadRecords(db: Reader, workspaceId: string, ids: readonly string[]): Promise<CrmRecord[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select(recordColumns)
		.from(crmRecords)
		.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
		.where(and(eq(crmRecords.workspaceId, workspaceId), inArray(crmRecords.id, [...ids])));
	const observers = await db
		.select({ recordId: crmRecordObservers.recordId, userId: crmRecordObservers.userId })
		.from(crmRecordObservers)
		.where(inArray(crmRecordObservers.recordId, rows.map((r) => r.id)));
	return rows.map((r) => ({ ...r, observerIds: observers.filter((o) => o.recordId === r.id).map((o) => o.userId).sort() }));
}

export async function loadRecord(db: Reader, workspaceId: string, id: string): Promise<CrmRecord | null> {
	const [record] = await loadRecords(db, workspaceId, [id]);
	return record ?? null;
}

/** The record, or `not_found` when it is not in the workspace or outside the scope's view. */
export async function requireVisibleRecord(db: Reader, scope: WorkspaceScope, id: string): Promise<CrmRecord> {
	const record = await loadRecord(db, scope.workspaceId, id);
	if (!record || !canSeeRecord(scope, record)) throw new UserError('not_found', { record: id });
	return record;
}
