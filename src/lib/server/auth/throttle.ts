import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { loginThrottle } from '../db/schema';
import { UserError } from '../errors';

/**
 * Login throttling per account and per IP address. Failures are counted in a
 * window; past the limit the key is locked, and each further lock doubles.
 */
export const THROTTLE = {
	windowMs: 15 * 60_000,
	accountLimit: 5,
	ipLimit: 30,
	baseLockMs: 30_000,
	maxLockMs: 15 * 60_000
} as const;

export function throttleKeys(email: string, ip: string | null): string[] {
	return [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}

/** Throws `throttled` when any key is locked at `now`. */
export async function assertNotThrottled(database: Database, keys: string[], now = new Date()): Promise<void> {
	const rows = await database.db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
	const lockedUntil = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
	if (lockedUntil > now.getTime()) {
		throw new UserError('throttled', { seconds: Math.ceil((lockedUntil - now.getTime()) / 1000) });
	}
}

export async function recordLoginFailure(database: Database, keys: string[], now = new Date()): Promise<void> {
	await database.write(async (tx) => {
		for (const key of keys) {
			const limit = key.startsWith('ip:') ? THROTTLE.ipLimit : THROTTLE.accountLimit;
			const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key));
			const fresh = !row || now.getTime() - row.windowStart.getTime() > THROTTLE.windowMs;
			const failures = fresh ? 1 : row.failures + 1;
			const over = failures - limit;
			const lockedUntil =
				over >= 0 ? new Date(now.getTime() + Math.min(THROTTLE.maxLockMs, THROTTLE.baseLockMs * 2 ** over)) : null;
			const values = { key, failures, windowStart: fresh ? now : row.windowStart, lockedUntil };
			await tx
				.insert(loginThrottle)
				.values(values)
				.onConflictDoUpdate({ target: loginThrottle.key, set: values });
		}
	});
}

/** A successful login clears the account's counter (not the IP's). */
export async function clearLoginFailures(database: Database, email: string): Promise<void> {
	await database.write((tx) => tx.delete(loginThrottle).where(eq(loginThrottle.key, `email:${email.toLowerCase()}`)));
}
