import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logIn, signUp, signUpSchema } from '$lib/server/auth/accounts';
import { listUserWorkspaces } from '$lib/server/workspaces/workspaces';
import { tempDatabase } from '../../helpers/temp-db';

describe('sign-up and login', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	beforeEach(async () => {
		db = await tempDatabase('accounts');
	});
	afterEach(() => db.dispose());

	it('makes the first user of a fresh install owner of a new workspace, and later users owners of nothing', async () => {
		const first = await signUp(db, signUpSchema.parse({ email: 'Owner@Example.com ', name: 'Ольга', password: 'password1', company: 'Кухни' }));
		expect(first.ownedWorkspaceId).not.toBeNull();
		expect(await listUserWorkspaces(db, first.userId)).toEqual([
			{ id: first.ownedWorkspaceId, name: 'Кухни', roles: ['owner'], membershipId: expect.any(String) }
		]);
		const second = await signUp(db, signUpSchema.parse({ email: 'two@example.com', name: 'Two', password: 'password2' }));
		expect(second.ownedWorkspaceId).toBeNull();
		expect(await listUserWorkspaces(db, second.userId)).toEqual([]);
	});

	it('refuses a second account with the same e-mail, whatever its case', async () => {
		await signUp(db, signUpSchema.parse({ email: 'a@example.com', name: 'A', password: 'password1' }));
		await expect(signUp(db, signUpSchema.parse({ email: 'A@EXAMPLE.COM', name: 'B', password: 'password2' }))).rejects.toMatchObject({
			code: 'email_taken',
			details: [{ field: 'email', message: 'email_taken' }]
		});
	});

	it('names every invalid field of a sign-up', () => {
		const result = signUpSchema.safeParse({ email: 'nope', name: '', password: 'short' });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['email', 'invalid_email'],
			['name', 'required'],
			['password', 'password_too_short']
		]);
	});

	it('logs in with the right password only, and the same error for an unknown e-mail', async () => {
		const { userId } = await signUp(db, signUpSchema.parse({ email: 'a@example.com', name: 'A', password: 'password1' }));
		await expect(logIn(db, { email: 'a@example.com', password: 'password1' }, null)).resolves.toEqual({ userId });
		await expect(logIn(db, { email: 'a@example.com', password: 'password2' }, null)).rejects.toMatchObject({ code: 'invalid_credentials' });
		await expect(logIn(db, { email: 'nobody@example.com', password: 'password1' }, null)).rejects.toMatchObject({ code: 'invalid_credentials' });
	});
});
