import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { memberships, reviewComments, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import { diagramElements } from './diagram-elements';
import { findMentions, type Mentionable } from './mentions';
import { notify } from './notifications';
import { excerpt } from './notification-texts';
import { reviewableProcess, reviewableRevision } from './visibility';

export const commentInputSchema = z.object({
	/** The BPMN element id; omitted for a comment on the whole process. */
	elementId: z.string().trim().min(1).max(200).optional(),
	text: z.string().trim().min(1, 'required').max(5000, 'too_long'),
	/** Reply to this comment (a reply to a reply joins the same thread). */
	parentId: z.string().trim().min(1).max(40).optional()
});
export type CommentInput = z.input<typeof commentInputSchema>;

export interface CommentView {
	id: string;
	elementId: string | null;
	/** The element's name in the revision shown, or when it was commented if it is gone. */
	elementName: string | null;
	/** Pinned to an element this revision no longer has. */
	elementRemoved: boolean;
	revisionNumber: number;
	text: string;
	author: { id: string; name: string };
	createdAt: Date;
	resolved: boolean;
	resolvedAt: Date | null;
	resolvedBy: string | null;
	replies: Omit<CommentView, 'replies'>[];
}

/** People who can read reviews and so can be mentioned: owners, analysts and approvers. */
async function mentionable(tx: Tx | Database['db'], workspaceId: string): Promise<Mentionable[]> {
	return tx
		.select({ userId: users.id, name: users.name, email: users.email })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.workspaceId, workspaceId),
				sql`exists (select 1 from json_each(${memberships.roles}) where value in ('owner', 'analyst', 'approver'))`
			)
		)
		.orderBy(asc(users.name));
}

interface NewComment {
	processId: string;
	processName: string;
	revisionNumber: number;
	xml: string;
	input: z.output<typeof commentInputSchema>;
}

/**
 * Writes a comment inside a transaction and notifies: the people it @mentions, and the author of
 * the thread it answers. An element comment must name an element of the revision it is written
 * on; a reply joins its thread's root and element.
 */
export async function insertComment(tx: Tx, scope: WorkspaceScope, c: NewComment): Promise<string> {
	let elementId = c.input.elementId ?? null;
	let parentId: string | null = null;
	let threadAuthor: string | null = null;
	if (c.input.parentId) {
		const [parent] = await tx
			.select({ id: reviewComments.id, parentId: reviewComments.parentId })
			.from(reviewComments)
			.where(and(eq(reviewComments.id, c.input.parentId), eq(reviewComments.processId, c.processId), eq(reviewComments.workspaceId, scope.workspaceId)));
		if (!parent) throw new UserError('validation', {}, [{ field: 'parentId', message: 'invalid:no such comment on this process' }]);
		parentId = parent.parentId ?? parent.id;
		const [root] = await tx
			.select({ elementId: reviewComments.elementId, authorId: reviewComments.authorId })
			.from(reviewComments)
			.where(eq(reviewComments.id, parentId));
		elementId = root?.elementId ?? null;
		threadAuthor = root?.authorId ?? null;
	}
	let elementName: string | null = null;
	if (elementId !== null) {
		const elements = diagramElements(c.xml);
		if (!elements.has(elementId)) {
			if (!parentId) throw new UserError('validation', {}, [{ field: 'elementId', message: 'invalid:no such element in this revision' }]);
		} else {
			elementName = elements.get(elementId) || null;
		}
	}
	const id = newId();
	await tx.insert(reviewComments).values({
		id,
		workspaceId: scope.workspaceId,
		processId: c.processId,
		elementId,
		elementName,
		parentId,
		revisionNumber: c.revisionNumber,
		text: c.input.text,
		authorId: scope.userId,
		createdAt: new Date()
	});

	const [actor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
	const facts = { actor: actor?.name ?? '', process: c.processName, revision: c.revisionNumber, excerpt: excerpt(c.input.text) };
	const base = { workspaceId: scope.workspaceId, processId: c.processId, revisionNumber: c.revisionNumber, commentId: id, facts };
	const mentioned = findMentions(c.input.text, await mentionable(tx, scope.workspaceId)).filter((u) => u !== scope.userId);
	await notify(tx, mentioned, { ...base, kind: 'mentioned' });
	if (threadAuthor && threadAuthor !== scope.userId && !mentioned.includes(threadAuthor)) {
		await notify(tx, [threadAuthor], { ...base, kind: 'replied' });
	}
	return id;
}

/** Adds a comment to a TO BE revision the person may review. */
export async function addComment(database: Database, scope: WorkspaceScope, processId: string, revisionNumber: number, input: CommentInput): Promise<CommentView> {
	const parsed = commentInputSchema.parse(input);
	const process = await reviewableProcess(database, scope, processId);
	const revision = await reviewableRevision(database, scope, processId, 'to_be', revisionNumber);
	const id = await database.write((tx) =>
		insertComment(tx, scope, { processId, processName: process.name, revisionNumber, xml: revision.xml, input: parsed })
	);
	const threads = await listComments(database, scope, processId, revisionNumber);
	const found = threads.flatMap((t) => [t, ...t.replies]).find((c) => c.id === id);
	if (!found) throw new Error(`Expected the new comment ${id} among the comments, but it is not there`);
	return { replies: [], ...found };
}

/**
 * Every comment thread of the process (they follow elements from revision to revision), seen
 * from one TO BE revision: unresolved first, in the order written, each with its replies, and
 * whether its element exists in that revision.
 */
export async function listComments(database: Database, scope: WorkspaceScope, processId: string, revisionNumber: number): Promise<CommentView[]> {
	const revision = await reviewableRevision(database, scope, processId, 'to_be', revisionNumber);
	const elements = diagramElements(revision.xml);
	const resolver = sql<string | null>`(select name from users r where r.id = ${reviewComments.resolvedBy})`;
	const rows = await database.db
		.select({
			id: reviewComments.id,
			elementId: reviewComments.elementId,
			elementName: reviewComments.elementName,
			parentId: reviewComments.parentId,
			revisionNumber: reviewComments.revisionNumber,
			text: reviewComments.text,
			authorId: users.id,
			authorName: users.name,
			createdAt: reviewComments.createdAt,
			resolvedAt: reviewComments.resolvedAt,
			resolvedBy: resolver
		})
		.from(reviewComments)
		.innerJoin(users, eq(users.id, reviewComments.authorId))
		.where(and(eq(reviewComments.processId, processId), eq(reviewComments.workspaceId, scope.workspaceId)))
		.orderBy(asc(reviewComments.createdAt));
	const view = (r: (typeof rows)[number]): Omit<CommentView, 'replies'> => {
		const present = r.elementId !== null && elements.has(r.elementId);
		return {
			id: r.id,
			elementId: r.elementId,
			elementName: r.elementId === null ? null : (present ? elements.get(r.elementId) || r.elementName : r.elementName) ?? null,
			elementRemoved: r.elementId !== null && !present,
			revisionNumber: r.revisionNumber,
			text: r.text,
			author: { id: r.authorId, name: r.authorName },
			createdAt: r.createdAt,
			resolved: r.resolvedAt !== null,
			resolvedAt: r.resolvedAt,
			resolvedBy: r.resolvedBy
		};
	};
	const threads = new Map<string, CommentView>();
	for (const r of rows) if (r.parentId === null) threads.set(r.id, { ...view(r), replies: [] });
	for (const r of rows) if (r.parentId !== null) threads.get(r.parentId)?.replies.push(view(r));
	const replyResolved = (t: CommentView) => ({ ...t, replies: t.replies.map((reply) => ({ ...reply, resolved: t.resolved })) });
	return [...threads.values()].map(replyResolved).sort((a, b) => Number(a.resolved) - Number(b.resolved));
}

/** Resolves or reopens a comment's thread (a reply resolves the thread it belongs to). */
export async function setCommentResolved(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	revisionNumber: number,
	commentId: string,
	resolved: boolean
): Promise<{ id: string; resolved: boolean }> {
	await reviewableRevision(database, scope, processId, 'to_be', revisionNumber);
	return database.write(async (tx) => {
		const [comment] = await tx
			.select({ id: reviewComments.id, parentId: reviewComments.parentId })
			.from(reviewComments)
			.where(and(eq(reviewComments.id, commentId), eq(reviewComments.processId, processId), eq(reviewComments.workspaceId, scope.workspaceId)));
		if (!comment) throw new UserError('not_found');
		const rootId = comment.parentId ?? comment.id;
		await tx
			.update(reviewComments)
			.set(resolved ? { resolvedAt: new Date(), resolvedBy: scope.userId } : { resolvedAt: null, resolvedBy: null })
			.where(eq(reviewComments.id, rootId));
		return { id: rootId, resolved };
	});
}
