import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db, Tx } from '../db';
import { processes, reviewSubmissions, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import { getProcess } from '../processes/processes';
import { getRevision } from '../processes/revisions';
import { workspaceApprovers } from './approvers';
import { notify } from './notifications';
import { savePicture, type PictureInput } from './pictures';

export type SubmissionStatus = 'open' | 'approved' | 'returned' | 'superseded';

export interface Submission {
	id: string;
	revisionNumber: number;
	sha256: string;
	asIsNumber: number | null;
	message: string;
	submittedBy: string;
	submittedAt: Date;
	status: SubmissionStatus;
	closedAt: Date | null;
}

export const submitInputSchema = z.object({
	message: z.string().trim().max(2000).optional().default(''),
	/** Send the latest AS IS along, for context (when there is one). */
	withAsIs: z.boolean().optional().default(true)
});

const submissionColumns = {
	id: reviewSubmissions.id,
	revisionNumber: reviewSubmissions.revisionNumber,
	sha256: reviewSubmissions.sha256,
	asIsNumber: reviewSubmissions.asIsNumber,
	message: reviewSubmissions.message,
	submittedBy: users.name,
	submittedAt: reviewSubmissions.submittedAt,
	status: reviewSubmissions.status,
	closedAt: reviewSubmissions.closedAt
};

/** Every submission of a process, newest first. */
export function processSubmissions(db: Db | Tx, workspaceId: string, processId: string): Promise<Submission[]> {
	return db
		.select(submissionColumns)
		.from(reviewSubmissions)
		.innerJoin(users, eq(users.id, reviewSubmissions.submittedBy))
		.where(and(eq(reviewSubmissions.processId, processId), eq(reviewSubmissions.workspaceId, workspaceId)))
		.orderBy(desc(reviewSubmissions.submittedAt), desc(reviewSubmissions.revisionNumber));
}

/** Whether an approved submission of the process has exactly this XML hash. */
export async function isShaApproved(db: Db | Tx, processId: string, sha256: string): Promise<boolean> {
	const [row] = await db
		.select({ id: reviewSubmissions.id })
		.from(reviewSubmissions)
		.where(and(eq(reviewSubmissions.processId, processId), eq(reviewSubmissions.sha256, sha256), eq(reviewSubmissions.status, 'approved')))
		.limit(1);
	return row !== undefined;
}

/**
 * Submits a TO BE revision for approval («Отправить на согласование»). A submission still open
 * for an older revision is superseded. When the revision's XML is identical (same SHA-256) to an
 * already approved one, the approval stands and the submission is approved at once; otherwise
 * the workspace's approvers are notified. The browser may send the diagram's picture along,
 * for the documents.
 */
export async function submitForReview(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	revisionNumber: number,
	input: z.input<typeof submitInputSchema>,
	picture?: PictureInput
): Promise<{ id: string; status: SubmissionStatus }> {
	const { message, withAsIs } = submitInputSchema.parse(input);
	const process = await getProcess(database, scope, processId);
	const revision = await getRevision(database, scope, processId, 'to_be', revisionNumber);
	if (!revision) throw new UserError('not_found');
	const asIs = withAsIs ? await getRevision(database, scope, processId, 'as_is', 'latest') : null;
	if (picture) await savePicture(database, scope, processId, revision.sha256, picture);

	return database.write(async (tx) => {
		const now = new Date();
		await tx
			.update(reviewSubmissions)
			.set({ status: 'superseded', closedAt: now })
			.where(and(eq(reviewSubmissions.processId, processId), eq(reviewSubmissions.status, 'open')));
		const alreadyApproved = await isShaApproved(tx, processId, revision.sha256);
		const id = newId();
		const status: SubmissionStatus = alreadyApproved ? 'approved' : 'open';
		await tx.insert(reviewSubmissions).values({
			id,
			workspaceId: scope.workspaceId,
			processId,
			revisionNumber,
			sha256: revision.sha256,
			asIsNumber: asIs?.number ?? null,
			message,
			submittedBy: scope.userId,
			submittedAt: now,
			status,
			closedAt: alreadyApproved ? now : null
		});
		if (!alreadyApproved) {
			const [actor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
			const approvers = (await workspaceApprovers(tx, scope.workspaceId)).map((a) => a.userId).filter((id) => id !== scope.userId);
			await notify(tx, approvers, {
				workspaceId: scope.workspaceId,
				processId,
				revisionNumber,
				kind: 'submitted',
				facts: { actor: actor?.name ?? '', process: process.name, revision: revisionNumber }
			});
		}
		return { id, status };
	});
}

export interface QueueItem {
	processId: string;
	processName: string;
	entityType: string;
	latest: Submission;
	/** The revision last approved, when there is one. */
	approvedRevision: number | null;
}

/**
 * «На согласовании»: every process with a submission, its latest submission first among those
 * awaiting a decision, then the rest by date.
 */
export async function reviewQueue(database: Database, scope: WorkspaceScope): Promise<QueueItem[]> {
	const rows = await database.db
		.select({ ...submissionColumns, processId: reviewSubmissions.processId })
		.from(reviewSubmissions)
		.innerJoin(users, eq(users.id, reviewSubmissions.submittedBy))
		.where(eq(reviewSubmissions.workspaceId, scope.workspaceId))
		.orderBy(desc(reviewSubmissions.submittedAt), desc(reviewSubmissions.revisionNumber));
	const latest = new Map<string, Submission>();
	const approved = new Map<string, number>();
	for (const { processId, ...row } of rows) {
		if (!latest.has(processId)) latest.set(processId, row);
		if (row.status === 'approved' && !approved.has(processId)) approved.set(processId, row.revisionNumber);
	}
	if (latest.size === 0) return [];
	const named = await database.db
		.select({ id: processes.id, name: processes.name, entityType: processes.entityType })
		.from(processes)
		.where(inArray(processes.id, [...latest.keys()]));
	const items = named.map((p) => ({
		processId: p.id,
		processName: p.name,
		entityType: p.entityType,
		latest: latest.get(p.id)!,
		approvedRevision: approved.get(p.id) ?? null
	}));
	const waiting = (item: QueueItem) => (item.latest.status === 'open' ? 0 : 1);
	return items.sort((a, b) => waiting(a) - waiting(b) || b.latest.submittedAt.getTime() - a.latest.submittedAt.getTime());
}
