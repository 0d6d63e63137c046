import type { Database } from '../db';
import type { WorkspaceScope } from '../access/scope';
import { allows } from '../access/permissions';
import { workspaceApprovers, type Approver } from './approvers';
import type { ApprovalRule } from './approval-state';
import { approvalsOfSha, decisionsOf, type DecisionView } from './decisions';
import { readReviewSettings } from './settings';
import { processSubmissions, type Submission, type SubmissionStatus } from './submissions';
import { reviewableProcess, reviewableRevision } from './visibility';

/** The revision a review compares with, and why: the last approved one, or the one submitted before. */
export interface Baseline {
	revisionNumber: number;
	reason: 'approved' | 'previous';
}

export interface RevisionReview {
	process: { id: string; name: string; description: string; entityType: string };
	revision: { number: number; sha256: string; author: string; createdAt: Date; message: string };
	/** The newest submission of this revision, if it was submitted. */
	submission: Submission | null;
	/** Where this revision stands: its submission's status, or `draft` when never submitted. */
	status: SubmissionStatus | 'draft';
	/** An approved submission has exactly this XML. */
	approved: boolean;
	/** The approvals that stand for this XML (the approval sheet). */
	approvals: DecisionView[];
	/** Every decision on this revision's submissions (approvals and returns), oldest first. */
	decisions: DecisionView[];
	/** The newest approved revision of the process, when there is one. */
	lastApproved: { number: number; sha256: string } | null;
	/** What to highlight the changes against. */
	baseline: Baseline | null;
	/** The newest submitted revision of the process (the review to open). */
	latestSubmitted: number | null;
	/** Submitted revisions of the process, newest first, for navigation. */
	submittedRevisions: { number: number; status: SubmissionStatus; submittedAt: Date }[];
	rule: ApprovalRule;
	approvers: (Approver & { decision: DecisionView['decision'] | null })[];
	/** What the person may do here. */
	can: { comment: boolean; decide: boolean; submit: boolean; alreadyDecided: boolean };
}

/**
 * Everything the review of one TO BE revision shows besides the diagram and the specification:
 * its submission and decisions, whether its exact XML is approved, the approvers and what each
 * decided, what the person may do, and which revision to highlight changes against (the last
 * approved one when the XML differs from it, else the revision submitted before this one).
 */
export async function revisionReview(database: Database, scope: WorkspaceScope, processId: string, revisionNumber: number): Promise<RevisionReview> {
	const process = await reviewableProcess(database, scope, processId);
	const revision = await reviewableRevision(database, scope, processId, 'to_be', revisionNumber);
	const submissions = await processSubmissions(database.db, scope.workspaceId, processId);
	const mine = submissions.filter((s) => s.revisionNumber === revisionNumber);
	const submission = mine[0] ?? null;
	const decisions = await decisionsOf(
		database.db,
		mine.map((s) => s.id)
	);
	const approvals = await approvalsOfSha(database.db, processId, revision.sha256);
	const approvedSubmissions = submissions.filter((s) => s.status === 'approved');
	const lastApprovedSubmission = approvedSubmissions[0];
	const settings = await readReviewSettings(database.db, scope.workspaceId);
	const approverList = await workspaceApprovers(database.db, scope.workspaceId);
	const current = submission ? decisions.filter((d) => d.submissionId === submission.id) : [];

	const approvedBefore = approvedSubmissions.find((s) => s.revisionNumber < revisionNumber && s.sha256 !== revision.sha256);
	const submittedBefore = submissions.find((s) => s.revisionNumber < revisionNumber && s.sha256 !== revision.sha256);
	const baseline: Baseline | null = approvedBefore
		? { revisionNumber: approvedBefore.revisionNumber, reason: 'approved' }
		: submittedBefore
			? { revisionNumber: submittedBefore.revisionNumber, reason: 'previous' }
			: null;

	const submitted = new Map<number, { number: number; status: SubmissionStatus; submittedAt: Date }>();
	for (const s of submissions) if (!submitted.has(s.revisionNumber)) submitted.set(s.revisionNumber, { number: s.revisionNumber, status: s.status, submittedAt: s.submittedAt });
	const alreadyDecided = current.some((d) => d.userId === scope.userId);

	return {
		process: { id: process.id, name: process.name, description: process.description, entityType: process.entityType },
		revision: { number: revision.number, sha256: revision.sha256, author: revision.author, createdAt: revision.createdAt, message: revision.message },
		submission,
		status: submission?.status ?? 'draft',
		approved: approvedSubmissions.some((s) => s.sha256 === revision.sha256),
		approvals,
		decisions,
		lastApproved: lastApprovedSubmission ? { number: lastApprovedSubmission.revisionNumber, sha256: lastApprovedSubmission.sha256 } : null,
		baseline,
		latestSubmitted: submissions[0]?.revisionNumber ?? null,
		submittedRevisions: [...submitted.values()].sort((a, b) => b.number - a.number),
		rule: settings.approvalRule,
		approvers: approverList.map((a) => ({ ...a, decision: current.find((d) => d.userId === a.userId)?.decision ?? null })),
		can: {
			comment: allows(scope.roles, 'reviews.comment'),
			decide: scope.via === 'session' && allows(scope.roles, 'reviews.decide') && submission?.status === 'open' && !alreadyDecided,
			submit: allows(scope.roles, 'reviews.submit'),
			alreadyDecided
		}
	};
}
