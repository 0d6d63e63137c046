import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db';
import { crmEntityTypes, crmFunnelDirtyDays, crmRecordEmails, crmRecordPhones, crmRecords, crmStageTimeDirtyDays, crmStageVisits } from '../db/schema';
import type { RecordStatus } from '../db/schema/crm';
import type { CrmRecord } from './record-read';

/**
 * The stage history the reports read (`crm_stage_visits`): a stay opens when a record enters a
 * stage of its pipeline and closes when it leaves — to the next stage, to another pipeline, or
 * by closing with a final status (then with the loss reason it had). Called from the CRM's
 * stage primitive inside the move's transaction, so history and record never disagree.
 */

interface Position {
	pipeline: string | null;
	stage: string | null;
	status: RecordStatus;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const DAY = 86_400_000;

/** Marks the funnel roll-up of these pipelines' cohort day of the record as out of date. */
async function markDirtyTx(tx: Tx, workspaceId: string, pipelines: (string | null)[], createdAt: Date): Promise<void> {
	const day = Math.floor(createdAt.getTime() / DAY);
	const rows = [...new Set(pipelines.filter((p): p is string => !!p))].map((pipeline) => ({ workspaceId, pipeline, day }));
	if (rows.length > 0) await tx.insert(crmFunnelDirtyDays).values(rows).onConflictDoNothing();
}

/**
 * Marks every cohort day the records' stays lie in (the funnel's) and every day one of them
 * ended (time in stage's) as out of date.
 */
async function markRecordsDirtyTx(tx: Tx, recordIds: readonly string[]): Promise<void> {
	const ofRecords = inArray(crmStageVisits.recordId, [...recordIds]);
	await tx.run(sql`insert or ignore into ${crmFunnelDirtyDays} (workspace_id, pipeline, day)
		select distinct workspace_id, pipeline, cast(record_created_at / ${DAY} as integer) from ${crmStageVisits} where ${ofRecords}`);
	await tx.run(sql`insert or ignore into ${crmStageTimeDirtyDays} (workspace_id, pipeline, day)
		select distinct workspace_id, pipeline, cast(left_at / ${DAY} as integer) from ${crmStageVisits} where ${ofRecords} and left_at is not null`);
}

export async function trackStageVisitTx(tx: Tx, workspaceId: string, record: CrmRecord, next: Position, at: Date): Promise<void> {
	const stageMoved = next.pipeline !== record.pipeline || next.stage !== record.stage;
	const closing = next.status !== 'open';
	const reopening = record.status !== 'open' && next.status === 'open';
	if (stageMoved || closing || reopening) await markDirtyTx(tx, workspaceId, [record.pipeline, next.pipeline], record.createdAt);
	if (stageMoved || closing) {
		if (record.pipeline) await tx.insert(crmStageTimeDirtyDays).values({ workspaceId, pipeline: record.pipeline, day: Math.floor(at.getTime() / DAY) }).onConflictDoNothing();
		await tx
			.update(crmStageVisits)
			.set({
				leftAt: at.getTime(),
				nextStage: closing || next.pipeline !== record.pipeline ? null : next.stage,
				exitStatus: closing ? next.status : null,
				lossReason: closing ? text(record.values.loss_reason) : null
			})
			.where(and(eq(crmStageVisits.recordId, record.id), isNull(crmStageVisits.leftAt)));
	}
	if (next.pipeline && next.stage && !closing && (stageMoved || reopening)) {
		const [row] = await tx.select({ repeat: crmRecords.repeat }).from(crmRecords).where(eq(crmRecords.id, record.id));
		const earlier = await tx
			.select({ id: crmStageVisits.id })
			.from(crmStageVisits)
			.where(and(eq(crmStageVisits.recordId, record.id), eq(crmStageVisits.pipeline, next.pipeline), eq(crmStageVisits.stage, next.stage)))
			.limit(1);
		await tx.insert(crmStageVisits).values({
			workspaceId,
			recordId: record.id,
			pipeline: next.pipeline,
			stage: next.stage,
			recordCreatedAt: record.createdAt.getTime(),
			enteredAt: at.getTime(),
			responsibleId: record.responsibleId,
			source: text(record.values.source),
			repeat: row?.repeat ?? false,
			firstInStage: earlier.length === 0
		});
	}
}

/** Keeps the responsible and source copied on a record's stays in step with the record. */
export async function syncVisitPeopleTx(tx: Tx, recordId: string, values: { responsibleId: string | null; source: unknown }): Promise<void> {
	await markRecordsDirtyTx(tx, [recordId]);
	await tx.update(crmStageVisits).set({ responsibleId: values.responsibleId, source: text(values.source) }).where(eq(crmStageVisits.recordId, recordId));
}

/** Merged-away records leave the funnel where they stood: their open stays close as `merged`. */
export async function closeMergedVisitsTx(tx: Tx, recordIds: readonly string[], at: Date): Promise<void> {
	if (recordIds.length === 0) return;
	await tx
		.update(crmStageVisits)
		.set({ leftAt: at.getTime(), exitStatus: 'merged' })
		.where(and(inArray(crmStageVisits.recordId, [...recordIds]), isNull(crmStageVisits.leftAt)));
	await markRecordsDirtyTx(tx, recordIds);
}

/**
 * Whether a new record's phone or e-mail was already known in the workspace on a lead, contact
 * or company (a repeat lead in Bitrix24's sense: a client who came back), or it was created
 * linked to an existing contact or company.
 */
export async function isRepeatTx(tx: Tx, workspaceId: string, recordId: string, linkedTo: readonly string[]): Promise<boolean> {
	const types = await tx
		.select({ id: crmEntityTypes.id, key: crmEntityTypes.key })
		.from(crmEntityTypes)
		.where(and(eq(crmEntityTypes.workspaceId, workspaceId), inArray(crmEntityTypes.key, ['lead', 'contact', 'company'])));
	const clients = types.filter((t) => t.key !== 'lead').map((t) => t.id);
	if (linkedTo.length > 0 && clients.length > 0) {
		const linked = await tx
			.select({ id: crmRecords.id })
			.from(crmRecords)
			.where(and(eq(crmRecords.workspaceId, workspaceId), inArray(crmRecords.id, [...linkedTo]), inArray(crmRecords.entityTypeId, clients)))
			.limit(1);
		if (linked.length > 0) return true;
	}
	const typeIds = types.map((t) => t.id);
	if (typeIds.length === 0) return false;
	// Another lead, contact or company with one of this record's phones or e-mails.
	const same = (table: typeof crmRecordPhones | typeof crmRecordEmails, value: SQL) => sql`
		select 1 from ${table} mine join ${table} other on other.workspace_id = mine.workspace_id and other.${value} = mine.${value}
		where mine.record_id = ${recordId} and other.record_id <> ${recordId} and other.entity_type_id in ${typeIds}`;
	const known = await tx.all(sql`${same(crmRecordPhones, sql.raw('phone'))} union all ${same(crmRecordEmails, sql.raw('email'))} limit 1`);
	return known.length > 0;
}
