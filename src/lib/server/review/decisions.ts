import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db, Tx } from '../db';
import { reviewDecisions, reviewSubmissions } from '../db/schema';
import { allows } from '../access/permissions';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import { users } from '../db/schema';
import { submissionOutcome, type Decision } from './approval-state';
import { workspaceApprovers } from './approvers';
import { insertComment } from './comments';
import { notify } from './notifications';
import { excerpt } from './notification-texts';
import { readReviewSettings } from './settings';
import { cleanSignature, signatureMatches } from './signature';
import { reviewableProcess, reviewableRevision } from './visibility';

export const approveInputSchema = z.object({
	/** The approver's full name, typed: their signature. */
	signature: z.string().trim().min(1, 'required').max(200, 'too_long'),
	/** «Я согласую это техническое задание». */
	consent: z.boolean()
});

export const requestChangesInputSchema = z.object({
	/** What has to change: becomes a comment on the process (or on `elementId`). */
	comment: z.string().trim().min(1, 'required').max(5000, 'too_long'),
	elementId: z.string().trim().min(1).max(200).optional()
});

/** Where the request came from: recorded with the decision. */
export interface RequestOrigin {
	ip: string;
	userAgent: string;
}

export interface DecisionView {
	id: string;
	submissionId: string;
	revisionNumber: number;
	sha256: string;
	decision: Decision;
	userId: string;
	name: string;
	signature: string;
	commentId: string | null;
	ip: string;
	userAgent: string;
	createdAt: Date;
}

const decisionColumns = {
	id: reviewDecisions.id,
	submissionId: reviewDecisions.submissionId,
	revisionNumber: reviewDecisions.revisionNumber,
	sha256: reviewDecisions.sha256,
	decision: reviewDecisions.decision,
	userId: reviewDecisions.userId,
	name: reviewDecisions.name,
	signature: reviewDecisions.signature,
	commentId: reviewDecisions.commentId,
	ip: reviewDecisions.ip,
	userAgent: reviewDecisions.userAgent,
	createdAt: reviewDecisions.createdAt
};

/** Decisions on the given submissions, in the order they were made. */
export function decisionsOf(db: Db | Tx, submissionIds: string[]): Promise<DecisionView[]> {
	if (submissionIds.length === 0) return Promise.resolve([]);
	return db.select(decisionColumns).from(reviewDecisions).where(inArray(reviewDecisions.submissionId, submissionIds)).orderBy(asc(reviewDecisions.createdAt));
}

/**
 * The approvals that stand for this exact XML: approvals on submissions of the hash that ended
 * approved (or are still collecting approvals from all approvers).
 */
export function approvalsOfSha(db: Db | Tx, processId: string, sha256: string): Promise<DecisionView[]> {
	return db
		.select(decisionColumns)
		.from(reviewDecisions)
		.innerJoin(reviewSubmissions, eq(reviewSubmissions.id, reviewDecisions.submissionId))
		.where(
			and(
				eq(reviewDecisions.processId, processId),
				eq(reviewDecisions.sha256, sha256),
				eq(reviewDecisions.decision, 'approved'),
				inArray(reviewSubmissions.status, ['approved', 'open'])
			)
		)
		.orderBy(asc(reviewDecisions.createdAt));
}

interface Deciding {
	tx: Tx;
	submission: { id: string; revisionNumber: number; sha256: string; submittedBy: string };
	name: string;
}

/**
 * Runs a decision on the revision's open submission: only a person (not an API token) with the
 * approver role, only while the submission awaits decisions, once per approver.
 */
async function decide<T>(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	revisionNumber: number,
	run: (d: Deciding) => Promise<T>
): Promise<T> {
	if (scope.via === 'token' || !allows(scope.roles, 'reviews.decide')) throw new UserError('forbidden');
	await reviewableRevision(database, scope, processId, 'to_be', revisionNumber);
	return database.write(async (tx) => {
		const [submission] = await tx
			.select({ id: reviewSubmissions.id, revisionNumber: reviewSubmissions.revisionNumber, sha256: reviewSubmissions.sha256, submittedBy: reviewSubmissions.submittedBy })
			.from(reviewSubmissions)
			.where(
				and(
					eq(reviewSubmissions.processId, processId),
					eq(reviewSubmissions.workspaceId, scope.workspaceId),
					eq(reviewSubmissions.revisionNumber, revisionNumber),
					eq(reviewSubmissions.status, 'open')
				)
			)
			.orderBy(desc(reviewSubmissions.submittedAt))
			.limit(1);
		if (!submission) throw new UserError('not_under_review', { revision: revisionNumber });
		const [earlier] = await tx
			.select({ id: reviewDecisions.id })
			.from(reviewDecisions)
			.where(and(eq(reviewDecisions.submissionId, submission.id), eq(reviewDecisions.userId, scope.userId)));
		if (earlier) throw new UserError('already_decided', { revision: revisionNumber });
		const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
		return run({ tx, submission, name: me?.name ?? '' });
	});
}

/** Closes the submission when its decisions settle it, and tells the analyst who submitted it. */
async function settle(tx: Tx, scope: WorkspaceScope, processId: string, processName: string, d: Deciding, excerptText?: string): Promise<'open' | 'approved' | 'returned'> {
	const settings = await readReviewSettings(tx, scope.workspaceId);
	const approvers = (await workspaceApprovers(tx, scope.workspaceId)).map((a) => a.userId);
	const outcome = submissionOutcome(settings.approvalRule, approvers, await decisionsOf(tx, [d.submission.id]));
	if (outcome !== 'open') {
		await tx.update(reviewSubmissions).set({ status: outcome, closedAt: new Date() }).where(eq(reviewSubmissions.id, d.submission.id));
		await notify(tx, [d.submission.submittedBy].filter((u) => u !== scope.userId), {
			workspaceId: scope.workspaceId,
			processId,
			revisionNumber: d.submission.revisionNumber,
			kind: outcome,
			facts: { actor: d.name, process: processName, revision: d.submission.revisionNumber, ...(excerptText ? { excerpt: excerptText } : {}) }
		});
	}
	return outcome;
}

/**
 * «Согласовать»: the approver signs the revision by typing their full name and ticking the
 * consent. The decision records who, when, the revision, the SHA-256 of its XML, the IP and the
 * user agent, and is never changed afterwards.
 */
export async function approveRevision(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	revisionNumber: number,
	input: z.input<typeof approveInputSchema>,
	origin: RequestOrigin
): Promise<{ decisionId: string; status: 'open' | 'approved' | 'returned' }> {
	const parsed = approveInputSchema.parse(input);
	const process = await reviewableProcess(database, scope, processId);
	return decide(database, scope, processId, revisionNumber, async (d) => {
		const problems = [];
		if (!signatureMatches(parsed.signature, d.name)) problems.push({ field: 'signature', message: 'signature_mismatch' });
		if (!parsed.consent) problems.push({ field: 'consent', message: 'consent_required' });
		if (problems.length > 0) throw new UserError('validation', {}, problems);
		const decisionId = newId();
		await d.tx.insert(reviewDecisions).values({
			id: decisionId,
			workspaceId: scope.workspaceId,
			processId,
			submissionId: d.submission.id,
			revisionNumber,
			sha256: d.submission.sha256,
			decision: 'approved',
			userId: scope.userId,
			name: d.name,
			signature: cleanSignature(parsed.signature),
			ip: origin.ip.slice(0, 100),
			userAgent: origin.userAgent.slice(0, 500),
			createdAt: new Date()
		});
		return { decisionId, status: await settle(d.tx, scope, processId, process.name, d) };
	});
}

/** «Вернуть на доработку»: the approver says what to change; the comment is required. */
export async function requestChanges(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	revisionNumber: number,
	input: z.input<typeof requestChangesInputSchema>,
	origin: RequestOrigin
): Promise<{ decisionId: string; commentId: string; status: 'open' | 'approved' | 'returned' }> {
	const parsed = requestChangesInputSchema.parse(input);
	const process = await reviewableProcess(database, scope, processId);
	const revision = await reviewableRevision(database, scope, processId, 'to_be', revisionNumber);
	return decide(database, scope, processId, revisionNumber, async (d) => {
		const commentId = await insertComment(d.tx, scope, {
			processId,
			processName: process.name,
			revisionNumber,
			xml: revision.xml,
			input: { text: parsed.comment, ...(parsed.elementId ? { elementId: parsed.elementId } : {}) }
		});
		const decisionId = newId();
		await d.tx.insert(reviewDecisions).values({
			id: decisionId,
			workspaceId: scope.workspaceId,
			processId,
			submissionId: d.submission.id,
			revisionNumber,
			sha256: d.submission.sha256,
			decision: 'changes_requested',
			userId: scope.userId,
			name: d.name,
			commentId,
			ip: origin.ip.slice(0, 100),
			userAgent: origin.userAgent.slice(0, 500),
			createdAt: new Date()
		});
		return { decisionId, commentId, status: await settle(d.tx, scope, processId, process.name, d, excerpt(parsed.comment)) };
	});
}
