import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { crmRecords, notifications } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';

/** In-app notifications robots send a person («Уведомление»), newest first. */
export interface Notification {
	id: string;
	text: string;
	recordId: string | null;
	recordTitle: string | null;
	createdAt: Date;
	readAt: Date | null;
}

export async function listNotifications(database: Database, scope: WorkspaceScope, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<Notification[]> {
	return database.db
		.select({ id: notifications.id, text: notifications.text, recordId: notifications.recordId, recordTitle: crmRecords.title, createdAt: notifications.createdAt, readAt: notifications.readAt })
		.from(notifications)
		.leftJoin(crmRecords, eq(crmRecords.id, notifications.recordId))
		.where(and(eq(notifications.workspaceId, scope.workspaceId), eq(notifications.userId, scope.userId), options.unreadOnly ? isNull(notifications.readAt) : undefined))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(Math.min(Math.max(options.limit ?? 30, 1), 200));
}

export async function unreadNotificationCount(database: Database, scope: WorkspaceScope): Promise<number> {
	const [row] = await database.db
		.select({ n: sql<number>`count(*)` })
		.from(notifications)
		.where(and(eq(notifications.workspaceId, scope.workspaceId), eq(notifications.userId, scope.userId), isNull(notifications.readAt)));
	return row?.n ?? 0;
}

/** Marks the person's notifications read (all, or one). */
export async function markNotificationsRead(database: Database, scope: WorkspaceScope, id?: string): Promise<void> {
	await database.write((tx) =>
		tx
			.update(notifications)
			.set({ readAt: new Date() })
			.where(and(eq(notifications.workspaceId, scope.workspaceId), eq(notifications.userId, scope.userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
	);
}
