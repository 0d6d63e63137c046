import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db';
import { notifications, processes, reviewNotificationLinks, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { newId } from '../ids';
import { isLocale } from '$lib/i18n';
import { notificationText, type NotificationFacts, type ReviewNotificationKind } from './notification-texts';

export interface ReviewNotice {
	workspaceId: string;
	processId: string;
	revisionNumber: number;
	kind: ReviewNotificationKind;
	commentId?: string;
	facts: NotificationFacts;
}

/**
 * Tells people about a review event in the shared in-app feed (`notifications`), each in their
 * own language, and links every notification to the review it is about. Runs inside the write
 * transaction of the event, so a notification exists exactly when the event does.
 */
export async function notify(tx: Tx, recipients: readonly string[], notice: ReviewNotice): Promise<void> {
	const unique = [...new Set(recipients)];
	if (unique.length === 0) return;
	const people = await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, unique));
	const now = new Date();
	for (const person of people) {
		const id = newId();
		const locale = isLocale(person.locale) ? person.locale : 'ru';
		await tx.insert(notifications).values({
			id,
			workspaceId: notice.workspaceId,
			userId: person.id,
			text: notificationText(notice.kind, locale, notice.facts),
			createdAt: now
		});
		await tx.insert(reviewNotificationLinks).values({
			notificationId: id,
			workspaceId: notice.workspaceId,
			processId: notice.processId,
			revisionNumber: notice.revisionNumber,
			kind: notice.kind,
			commentId: notice.commentId ?? null
		});
	}
}

export interface ReviewNotification {
	id: string;
	kind: ReviewNotificationKind;
	text: string;
	processId: string;
	processName: string;
	revisionNumber: number;
	commentId: string | null;
	createdAt: Date;
	read: boolean;
}

/** The person's review notifications in the workspace, newest first. */
export async function listReviewNotifications(database: Database, scope: WorkspaceScope, limit = 30): Promise<ReviewNotification[]> {
	const rows = await database.db
		.select({
			id: notifications.id,
			kind: reviewNotificationLinks.kind,
			text: notifications.text,
			processId: reviewNotificationLinks.processId,
			processName: processes.name,
			revisionNumber: reviewNotificationLinks.revisionNumber,
			commentId: reviewNotificationLinks.commentId,
			createdAt: notifications.createdAt,
			readAt: notifications.readAt
		})
		.from(reviewNotificationLinks)
		.innerJoin(notifications, eq(notifications.id, reviewNotificationLinks.notificationId))
		.innerJoin(processes, eq(processes.id, reviewNotificationLinks.processId))
		.where(and(eq(notifications.workspaceId, scope.workspaceId), eq(notifications.userId, scope.userId)))
		.orderBy(desc(notifications.createdAt))
		.limit(limit);
	return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

/** Unread review notifications of a person, per workspace (for the «На согласовании» link). */
export async function unreadReviewCounts(database: Database, userId: string): Promise<Map<string, number>> {
	const rows = await database.db
		.select({ workspaceId: notifications.workspaceId, n: sql<number>`count(*)` })
		.from(reviewNotificationLinks)
		.innerJoin(notifications, eq(notifications.id, reviewNotificationLinks.notificationId))
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.groupBy(notifications.workspaceId);
	return new Map(rows.map((r) => [r.workspaceId, r.n]));
}

/** Marks the person's review notifications read (those of one process, or all in the workspace); says how many. */
export async function markReviewNotificationsRead(database: Database, scope: WorkspaceScope, processId?: string): Promise<number> {
	const linked = database.db
		.select({ id: reviewNotificationLinks.notificationId })
		.from(reviewNotificationLinks)
		.where(and(eq(reviewNotificationLinks.workspaceId, scope.workspaceId), processId ? eq(reviewNotificationLinks.processId, processId) : undefined));
	const [unread] = await database.db
		.select({ n: sql<number>`count(*)` })
		.from(notifications)
		.where(and(eq(notifications.userId, scope.userId), isNull(notifications.readAt), inArray(notifications.id, linked)));
	if (!unread?.n) return 0;
	await database.write((tx) =>
		tx
			.update(notifications)
			.set({ readAt: new Date() })
			.where(and(eq(notifications.userId, scope.userId), isNull(notifications.readAt), inArray(notifications.id, linked)))
	);
	return unread.n;
}
