import { and, eq, or } from 'drizzle-orm';
import type { Database, Tx } from '../db';
import { crmEntityTypes, crmLinks, crmRecords } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import type { Reader } from './db-types';
import { linkRule } from './link-rules';
import { loadRecord, loadRecords, requireVisibleRecord } from './record-read';
import { canSeeRecord } from './record-scope';
import { appendTimeline } from './timeline';

export interface LinkedRecord {
	id: string;
	type: string;
	/** Null when the person may not see the linked record. */
	title: string | null;
	/** `to`: this record links to it (a deal's contact); `from`: it links to this record (a contact's deals). */
	direction: 'to' | 'from';
}

async function liveRecord(tx: Tx, workspaceId: string, id: string) {
	const record = await loadRecord(tx, workspaceId, id);
	if (!record) throw new UserError('not_found', { record: id });
	if (record.mergedInto) throw new UserError('record_merged', { into: record.mergedInto });
	return record;
}

/** Links two records (in either order). For a one-only link (a deal's company) the new target replaces the old. */
export async function linkRecordsTx(tx: Tx, workspaceId: string, aId: string, bId: string, actorId: string | null, at = new Date()): Promise<boolean> {
	const a = await liveRecord(tx, workspaceId, aId);
	const b = await liveRecord(tx, workspaceId, bId);
	const rule = linkRule(a.type, b.type);
	if (!rule) throw new UserError('validation', {}, [{ field: 'links', message: `link_not_allowed:${a.type} → ${b.type}` }]);
	const [from, to] = rule.reversed ? [b, a] : [a, b];
	const [exists] = await tx.select({ toId: crmLinks.toId }).from(crmLinks).where(and(eq(crmLinks.fromId, from.id), eq(crmLinks.toId, to.id)));
	if (exists) return false;
	if (rule.cardinality === 'one') {
		const current = await tx
			.select({ toId: crmLinks.toId })
			.from(crmLinks)
			.innerJoin(crmRecords, eq(crmRecords.id, crmLinks.toId))
			.where(and(eq(crmLinks.fromId, from.id), eq(crmRecords.entityTypeId, to.entityTypeId)));
		for (const old of current) await unlinkRecordsTx(tx, workspaceId, from.id, old.toId, actorId, at);
	}
	await tx.insert(crmLinks).values({ workspaceId, fromId: from.id, toId: to.id, createdAt: at });
	for (const [self, other] of [[from, to], [to, from]] as const) {
		await appendTimeline(tx, { workspaceId, recordId: self.id, kind: 'linked', actorId, payload: { recordId: other.id, type: other.type, title: other.title }, at });
	}
	return true;
}

export async function unlinkRecordsTx(tx: Tx, workspaceId: string, aId: string, bId: string, actorId: string | null, at = new Date()): Promise<boolean> {
	const removed = await tx
		.delete(crmLinks)
		.where(and(eq(crmLinks.workspaceId, workspaceId), or(and(eq(crmLinks.fromId, aId), eq(crmLinks.toId, bId)), and(eq(crmLinks.fromId, bId), eq(crmLinks.toId, aId)))))
		.returning({ fromId: crmLinks.fromId });
	if (removed.length === 0) return false;
	const records = await loadRecords(tx, workspaceId, [aId, bId]);
	for (const self of records) {
		const other = records.find((r) => r.id !== self.id)!;
		await appendTimeline(tx, { workspaceId, recordId: self.id, kind: 'unlinked', actorId, payload: { recordId: other.id, type: other.type, title: other.title }, at });
	}
	return true;
}

export async function linkRecords(database: Database, scope: WorkspaceScope, recordId: string, otherId: string): Promise<boolean> {
	return database.write(async (tx) => {
		await requireVisibleRecord(tx, scope, recordId);
		return linkRecordsTx(tx, scope.workspaceId, recordId, otherId, scope.userId);
	});
}

export async function unlinkRecords(database: Database, scope: WorkspaceScope, recordId: string, otherId: string): Promise<boolean> {
	return database.write(async (tx) => {
		await requireVisibleRecord(tx, scope, recordId);
		return unlinkRecordsTx(tx, scope.workspaceId, recordId, otherId, scope.userId);
	});
}

/** Ids of the records linked to a record, both directions, with their type. */
export async function linkedIds(db: Reader, recordId: string): Promise<{ id: string; type: string; direction: 'to' | 'from' }[]> {
	const to = await db
		.select({ id: crmLinks.toId, type: crmEntityTypes.key })
		.from(crmLinks)
		.innerJoin(crmRecords, eq(crmRecords.id, crmLinks.toId))
		.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
		.where(eq(crmLinks.fromId, recordId));
	const from = await db
		.select({ id: crmLinks.fromId, type: crmEntityTypes.key })
		.from(crmLinks)
		.innerJoin(crmRecords, eq(crmRecords.id, crmLinks.fromId))
		.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
		.where(eq(crmLinks.toId, recordId));
	return [...to.map((l) => ({ ...l, direction: 'to' as const })), ...from.map((l) => ({ ...l, direction: 'from' as const }))];
}

/** The records linked to a record, as its card lists them. */
export async function listLinks(database: Database, scope: WorkspaceScope, recordId: string): Promise<LinkedRecord[]> {
	await requireVisibleRecord(database.db, scope, recordId);
	const links = await linkedIds(database.db, recordId);
	const records = new Map((await loadRecords(database.db, scope.workspaceId, links.map((l) => l.id))).map((r) => [r.id, r]));
	return links.map((l) => {
		const record = records.get(l.id);
		return { id: l.id, type: l.type, direction: l.direction, title: record && canSeeRecord(scope, record) ? record.title : null };
	});
}
