import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { users } from '../db/schema';
import { UserError } from '../errors';
import { newId } from '../ids';
import { createWorkspaceTx } from '../workspaces/workspaces';
import { hashPassword, verifyPassword } from './password';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure, throttleKeys } from './throttle';

export const emailSchema = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.email({ message: 'invalid_email' }).max(254));

export const signUpSchema = z.object({
	email: emailSchema,
	name: z.string().trim().min(1, 'required').max(120),
	password: z.string().min(8, 'password_too_short').max(200),
	company: z.string().trim().max(120).optional()
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const logInSchema = z.object({
	email: emailSchema,
	password: z.string().min(1, 'required').max(200)
});

export interface SignUpResult {
	userId: string;
	/** Set when this was the first user of a fresh install: the workspace they now own. */
	ownedWorkspaceId: string | null;
}

/**
 * Creates a user. The first user of a fresh install also becomes owner of a new
 * workspace (named after `company`, or «Моя компания»).
 */
export async function signUp(database: Database, input: SignUpInput, now = new Date()): Promise<SignUpResult> {
	const passwordHash = await hashPassword(input.password);
	return database.write(async (tx) => {
		const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
		if (existing) throw new UserError('email_taken', {}, [{ field: 'email', message: 'email_taken' }]);
		const [{ n }] = (await tx.select({ n: count() }).from(users)) as [{ n: number }];
		const userId = newId();
		await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, createdAt: now });
		let ownedWorkspaceId: string | null = null;
		if (n === 0) {
			ownedWorkspaceId = await createWorkspaceTx(tx, userId, input.company || 'Моя компания', now);
		}
		return { userId, ownedWorkspaceId };
	});
}

/**
 * Checks credentials under throttling. A wrong password and an unknown e-mail
 * give the same error, so the form does not reveal who has an account.
 */
export async function logIn(
	database: Database,
	input: z.infer<typeof logInSchema>,
	ip: string | null,
	now = new Date()
): Promise<{ userId: string }> {
	const keys = throttleKeys(input.email, ip);
	await assertNotThrottled(database, keys, now);
	const [user] = await database.db.select().from(users).where(eq(users.email, input.email));
	const ok = user ? await verifyPassword(user.passwordHash, input.password) : await hashPassword(input.password).then(() => false);
	if (!user || !ok) {
		await recordLoginFailure(database, keys, now);
		throw new UserError('invalid_credentials');
	}
	await clearLoginFailures(database, input.email);
	return { userId: user.id };
}

export async function setUserLocale(database: Database, userId: string, locale: 'ru' | 'en'): Promise<void> {
	await database.write((tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}

export async function changePassword(
	database: Database,
	userId: string,
	current: string,
	next: string
): Promise<void> {
	const [user] = await database.db.select().from(users).where(eq(users.id, userId));
	if (!user || !(await verifyPassword(user.passwordHash, current))) {
		throw new UserError('validation', {}, [{ field: 'current', message: 'wrong_password' }]);
	}
	if (next.length < 8) throw new UserError('validation', {}, [{ field: 'password', message: 'password_too_short' }]);
	const passwordHash = await hashPassword(next);
	await database.write((tx) => tx.update(users).set({ passwordHash }).where(eq(users.id, userId)));
}
