import { z } from 'zod';
import type { Database, Tx } from '../db';
import { crmComments } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import { loadRecord, requireVisibleRecord } from './record-read';
import type { CrmActor } from './actor';
import { appendTimeline } from './timeline';

export const commentBodySchema = z.string().trim().min(1, 'required').max(20_000, 'too_long');

/** Adds a comment to a record's timeline. */
export async function addCommentTx(tx: Tx, actor: CrmActor, recordId: string, body: string, at = new Date()): Promise<string> {
	const text = commentBodySchema.parse(body);
	const record = await loadRecord(tx, actor.workspaceId, recordId);
	if (!record) throw new UserError('not_found', { record: recordId });
	if (record.mergedInto) throw new UserError('record_merged', { into: record.mergedInto });
	const id = newId();
	await tx.insert(crmComments).values({ id, workspaceId: actor.workspaceId, recordId, authorId: actor.userId, body: text, createdAt: at });
	await appendTimeline(tx, { workspaceId: actor.workspaceId, recordId, kind: 'comment', actorId: actor.userId, payload: { commentId: id }, at });
	return id;
}

export async function addComment(database: Database, scope: WorkspaceScope, recordId: string, body: string): Promise<string> {
	return database.write(async (tx) => {
		await requireVisibleRecord(tx, scope, recordId);
		return addCommentTx(tx, { workspaceId: scope.workspaceId, userId: scope.userId }, recordId, body);
	});
}
