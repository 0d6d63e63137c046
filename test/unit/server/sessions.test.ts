import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	listUserSessions,
	SESSION_TTL_MS,
	validateSessionToken
} from '$lib/server/auth/sessions';
import { sessions } from '$lib/server/db/schema';
import { hashSecretToken } from '$lib/server/auth/tokens';
import { makeUser } from '../../helpers/fixtures';
import { tempDatabase } from '../../helpers/temp-db';

const DAY = 24 * 3600_000;

describe('sessions', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	let userId: string;
	beforeEach(async () => {
		db = await tempDatabase('sessions');
		userId = await makeUser(db, 'anna@example.com', 'Анна');
	});
	afterEach(() => db.dispose());

	it('stores only the hash of the token, and the token finds the session and its user', async () => {
		const { token, session } = await createSession(db, userId, { ip: '10.0.0.1', userAgent: 'test' });
		const rows = await db.db.select().from(sessions);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(hashSecretToken(token));
		expect(rows[0]!.id).not.toContain(token);
		const valid = await validateSessionToken(db, token);
		expect(valid?.session.id).toBe(session.id);
		expect(valid?.user).toEqual({ id: userId, email: 'anna@example.com', name: 'Анна', locale: 'ru' });
	});

	it('rejects an unknown token', async () => {
		await createSession(db, userId);
		expect(await validateSessionToken(db, 'not-a-token')).toBeNull();
	});

	it('given an expired session, when it is used, then it is refused and deleted', async () => {
		const t0 = new Date('2026-01-01T00:00:00Z');
		const { token } = await createSession(db, userId, {}, t0);
		const later = new Date(t0.getTime() + SESSION_TTL_MS + 1);
		expect(await validateSessionToken(db, token, later)).toBeNull();
		expect(await db.db.select().from(sessions)).toHaveLength(0);
	});

	it('given a session in the second half of its life, when it is used, then its expiry slides forward', async () => {
		const t0 = new Date('2026-01-01T00:00:00Z');
		const { token, session } = await createSession(db, userId, {}, t0);
		const day5 = new Date(t0.getTime() + 5 * DAY);
		const early = await validateSessionToken(db, token, day5);
		expect(early?.session.expiresAt).toEqual(session.expiresAt);
		expect(early?.refreshed).toBe(false);
		const day20 = new Date(t0.getTime() + 20 * DAY);
		const refreshed = await validateSessionToken(db, token, day20);
		expect(refreshed?.session.expiresAt.getTime()).toBe(day20.getTime() + SESSION_TTL_MS);
		expect(refreshed?.refreshed).toBe(true);
		const [row] = await db.db.select().from(sessions).where(eq(sessions.id, session.id));
		expect(row!.expiresAt.getTime()).toBe(day20.getTime() + SESSION_TTL_MS);
		// used again on day 40 (past the original expiry) it is still valid
		expect(await validateSessionToken(db, token, new Date(t0.getTime() + 40 * DAY))).not.toBeNull();
	});

	it('logout invalidates exactly that session', async () => {
		const a = await createSession(db, userId);
		const b = await createSession(db, userId);
		await invalidateSession(db, a.session.id);
		expect(await validateSessionToken(db, a.token)).toBeNull();
		expect(await validateSessionToken(db, b.token)).not.toBeNull();
	});

	it('revokes all sessions of a user, or all but the current one', async () => {
		const other = await makeUser(db, 'boris@example.com');
		const a = await createSession(db, userId);
		const b = await createSession(db, userId);
		const c = await createSession(db, other);
		await invalidateUserSessions(db, userId, a.session.id);
		expect(await validateSessionToken(db, a.token)).not.toBeNull();
		expect(await validateSessionToken(db, b.token)).toBeNull();
		await invalidateUserSessions(db, userId);
		expect(await listUserSessions(db, userId)).toHaveLength(0);
		expect(await validateSessionToken(db, c.token)).not.toBeNull();
	});

	it('a new session on every login has a different token', async () => {
		const a = await createSession(db, userId);
		const b = await createSession(db, userId);
		expect(a.token).not.toBe(b.token);
		expect(a.token).toMatch(/^[a-z2-7]{32}$/);
	});
});
