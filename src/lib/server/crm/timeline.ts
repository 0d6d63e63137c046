import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db';
import { crmComments, crmTimeline, users } from '../db/schema';
import type { TimelineKind } from '../db/schema/crm';
import type { WorkspaceScope } from '../access/scope';
import { requireVisibleRecord } from './record-read';

/**
 * The record's timeline: created, field and stage changes, comments, tasks,
 * robot actions and log entries («Запись в отчёт»), incidents, merges and
 * assignments. Append-only; a merge moves entries onto the survivor and keeps
 * where they came from.
 */
export interface TimelineEntry {
	id: number;
	kind: TimelineKind;
	actorId: string | null;
	actorName: string | null;
	payload: Record<string, unknown>;
	originRecordId: string | null;
	/** For `comment` entries: the comment's current text. */
	comment: { id: string; body: string; isResult: boolean } | null;
	createdAt: Date;
}

export interface TimelineWrite {
	workspaceId: string;
	recordId: string;
	kind: TimelineKind;
	actorId: string | null;
	payload: Record<string, unknown>;
	at?: Date;
}

export async function appendTimeline(tx: Tx, entry: TimelineWrite): Promise<number> {
	const [row] = await tx
		.insert(crmTimeline)
		.values({ workspaceId: entry.workspaceId, recordId: entry.recordId, kind: entry.kind, actorId: entry.actorId, payload: entry.payload, createdAt: entry.at ?? new Date() })
		.returning({ id: crmTimeline.id });
	return row!.id;
}

/** Newest first; `before` is the id of the last entry of the previous page. */
export async function listTimeline(database: Database, scope: WorkspaceScope, recordId: string, options: { limit?: number; before?: number } = {}): Promise<TimelineEntry[]> {
	await requireVisibleRecord(database.db, scope, recordId);
	const rows = await database.db
		.select({
			id: crmTimeline.id,
			kind: crmTimeline.kind,
			actorId: crmTimeline.actorId,
			actorName: users.name,
			payload: crmTimeline.payload,
			originRecordId: crmTimeline.originRecordId,
			createdAt: crmTimeline.createdAt,
			commentId: crmComments.id,
			commentBody: crmComments.body,
			commentIsResult: crmComments.isResult
		})
		.from(crmTimeline)
		.leftJoin(users, eq(users.id, crmTimeline.actorId))
		.leftJoin(crmComments, and(eq(crmTimeline.kind, 'comment'), eq(crmComments.id, sql`json_extract(${crmTimeline.payload}, '$.commentId')`)))
		.where(and(eq(crmTimeline.recordId, recordId), eq(crmTimeline.workspaceId, scope.workspaceId), options.before !== undefined ? lt(crmTimeline.id, options.before) : undefined))
		.orderBy(desc(crmTimeline.id))
		.limit(Math.min(Math.max(options.limit ?? 50, 1), 200));
	return rows.map(({ commentId, commentBody, commentIsResult, ...r }) => ({
		...r,
		comment: commentId ? { id: commentId, body: commentBody ?? '', isResult: commentIsResult ?? false } : null
	}));
}
