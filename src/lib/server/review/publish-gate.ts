import type { Database, Db, Tx } from '../db';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { readReviewSettings } from './settings';
import { isShaApproved } from './submissions';

/**
 * The publish gate: with «Публиковать только согласованное» on (the default), a TO BE revision
 * may be published only when an approved submission of the process has exactly its XML (the
 * same SHA-256) — a revision saved after the approval is refused with 409 `not_approved`, and
 * identical XML saved again is still approved. Publishing calls this before it deploys; pass
 * the database, or the transaction the publish runs in.
 */
export async function assertApprovedForPublish(
	database: Database | Db | Tx,
	scope: WorkspaceScope,
	processId: string,
	revision: { number: number; sha256: string }
): Promise<void> {
	const db = 'write' in database ? database.db : database;
	const settings = await readReviewSettings(db, scope.workspaceId);
	if (!settings.publishOnlyApproved) return;
	if (await isShaApproved(db, processId, revision.sha256)) return;
	throw new UserError('not_approved', { revision: revision.number });
}
