import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { reviewSubmissions } from '../db/schema';
import { allows } from '../access/permissions';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { getProcess, type ProcessSummary, type Track } from '../processes/processes';
import { getRevision, type RevisionInfo } from '../processes/revisions';

/**
 * What a reviewer may see. Owners and analysts see every process and revision (they draw them);
 * an approver sees only processes that were submitted for review, and of those only the TO BE
 * revisions that were submitted and the AS IS revisions sent along with them — drafts stay
 * hidden. Anything else answers `not_found`, as if it did not exist.
 */
export function seesDrafts(scope: WorkspaceScope): boolean {
	return allows(scope.roles, 'processes.view');
}

/** The process, if the person may review it. */
export async function reviewableProcess(database: Database, scope: WorkspaceScope, processId: string): Promise<ProcessSummary> {
	const process = await getProcess(database, scope, processId);
	if (!seesDrafts(scope)) {
		const [submitted] = await database.db
			.select({ id: reviewSubmissions.id })
			.from(reviewSubmissions)
			.where(and(eq(reviewSubmissions.processId, processId), eq(reviewSubmissions.workspaceId, scope.workspaceId)))
			.limit(1);
		if (!submitted) throw new UserError('not_found');
	}
	return process;
}

/** A revision with its XML, if the person may review it. */
export async function reviewableRevision(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	track: Track,
	number: number
): Promise<RevisionInfo & { xml: string }> {
	const revision = await getRevision(database, scope, processId, track, number);
	if (!revision) throw new UserError('not_found');
	if (!seesDrafts(scope)) {
		const [submitted] = await database.db
			.select({ id: reviewSubmissions.id })
			.from(reviewSubmissions)
			.where(
				and(
					eq(reviewSubmissions.processId, processId),
					eq(reviewSubmissions.workspaceId, scope.workspaceId),
					track === 'to_be' ? eq(reviewSubmissions.revisionNumber, number) : eq(reviewSubmissions.asIsNumber, number)
				)
			)
			.limit(1);
		if (!submitted) throw new UserError('not_found');
	}
	return revision;
}


export { parseRevisionNumber } from '../processes/revision-ref';
