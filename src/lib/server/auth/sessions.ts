import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { sessions, users } from '../db/schema';
import { generateSecretToken, hashSecretToken } from './tokens';

/**
 * Sessions in the Lucia pattern: the browser holds a random token, the database
 * holds its SHA-256 as the session id. A session lives 30 days and slides: used
 * in its second half, it is extended to 30 days again.
 */
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const REFRESH_WHEN_LEFT_MS = SESSION_TTL_MS / 2;

export type SessionUser = Pick<typeof users.$inferSelect, 'id' | 'email' | 'name' | 'locale'>;
export type Session = typeof sessions.$inferSelect;

export interface SessionMeta {
	ip?: string | null;
	userAgent?: string | null;
}

export async function createSession(
	database: Database,
	userId: string,
	meta: SessionMeta = {},
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const token = generateSecretToken();
	const session: Session = {
		id: hashSecretToken(token),
		userId,
		createdAt: now,
		expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
		ip: meta.ip ?? null,
		userAgent: meta.userAgent?.slice(0, 300) ?? null
	};
	await database.write((tx) => tx.insert(sessions).values(session));
	return { token, session };
}

/**
 * The session and its user for a token, or null when unknown or expired (an expired row is deleted).
 * A session in the second half of its life slides forward; `refreshed` says so (its cookie needs the
 * new expiry).
 */
export async function validateSessionToken(
	database: Database,
	token: string,
	now = new Date()
): Promise<{ session: Session; user: SessionUser; refreshed: boolean } | null> {
	const id = hashSecretToken(token);
	const [row] = await database.db
		.select({
			session: sessions,
			user: { id: users.id, email: users.email, name: users.name, locale: users.locale }
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await database.write((tx) => tx.delete(sessions).where(eq(sessions.id, id)));
		return null;
	}
	const refreshed = session.expiresAt.getTime() - now.getTime() < REFRESH_WHEN_LEFT_MS;
	if (refreshed) {
		session.expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
		await database.write((tx) =>
			tx.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id))
		);
	}
	return { session, user, refreshed };
}

export async function invalidateSession(database: Database, sessionId: string): Promise<void> {
	await database.write((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

/** Revokes every session of a user, except `keepSessionId` when given. */
export async function invalidateUserSessions(
	database: Database,
	userId: string,
	keepSessionId?: string
): Promise<void> {
	await database.write((tx) =>
		tx
			.delete(sessions)
			.where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId))
	);
}

export async function listUserSessions(database: Database, userId: string): Promise<Session[]> {
	return database.db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(sessions.createdAt);
}
