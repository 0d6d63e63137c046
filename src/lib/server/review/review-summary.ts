import type { Database } from '../db';
import type { WorkspaceScope } from '../access/scope';
import { getRevision } from '../processes/revisions';
import { processSubmissions, type SubmissionStatus } from './submissions';

/** The approval state of a process, for its page: the latest submission and the approved revision. */
export interface ProcessReviewSummary {
	latest: { revision: number; status: SubmissionStatus } | null;
	/** The newest approved revision. */
	approved: number | null;
	/** The newest TO BE revision's XML is exactly an approved one. */
	latestApproved: boolean;
}

export async function processReviewSummary(database: Database, scope: WorkspaceScope, processId: string): Promise<ProcessReviewSummary> {
	const submissions = await processSubmissions(database.db, scope.workspaceId, processId);
	const approved = submissions.filter((s) => s.status === 'approved');
	const toBe = approved.length > 0 ? await getRevision(database, scope, processId, 'to_be', 'latest') : null;
	return {
		latest: submissions[0] ? { revision: submissions[0].revisionNumber, status: submissions[0].status } : null,
		approved: approved[0]?.revisionNumber ?? null,
		latestApproved: toBe !== null && approved.some((s) => s.sha256 === toBe.sha256)
	};
}
