import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logIn, signUp } from '$lib/server/auth/accounts';
import { assertNotThrottled, recordLoginFailure, THROTTLE, throttleKeys } from '$lib/server/auth/throttle';
import { UserError } from '$lib/server/errors';
import { tempDatabase } from '../../helpers/temp-db';

describe('login throttling', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	beforeEach(async () => {
		db = await tempDatabase('throttle');
	});
	afterEach(() => db.dispose());

	const t0 = new Date('2026-03-01T10:00:00Z');
	const at = (ms: number) => new Date(t0.getTime() + ms);

	it('given five failures for an account, then the account is locked for 30 s, and the lock doubles', async () => {
		const keys = throttleKeys('a@example.com', null);
		for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await recordLoginFailure(db, keys, at(i));
		await expect(assertNotThrottled(db, keys, at(10))).resolves.toBeUndefined();
		await recordLoginFailure(db, keys, at(10));
		const locked = await assertNotThrottled(db, keys, at(11)).catch((e) => e);
		expect(locked).toBeInstanceOf(UserError);
		expect(locked.code).toBe('throttled');
		expect(locked.params.seconds).toBe(30);
		await expect(assertNotThrottled(db, keys, at(10 + 30_001))).resolves.toBeUndefined();
		await recordLoginFailure(db, keys, at(40_000));
		expect((await assertNotThrottled(db, keys, at(40_001)).catch((e) => e)).params.seconds).toBe(60);
	});

	it('counts failures per IP across accounts', async () => {
		for (let i = 0; i < THROTTLE.ipLimit; i++) {
			await recordLoginFailure(db, throttleKeys(`user${i}@example.com`, '192.0.2.7'), at(i));
		}
		const err = await assertNotThrottled(db, throttleKeys('fresh@example.com', '192.0.2.7'), at(100)).catch((e) => e);
		expect(err.code).toBe('throttled');
		await expect(assertNotThrottled(db, throttleKeys('fresh@example.com', '192.0.2.8'), at(100))).resolves.toBeUndefined();
	});

	it('forgets failures after the window', async () => {
		const keys = throttleKeys('b@example.com', null);
		for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await recordLoginFailure(db, keys, at(i));
		await recordLoginFailure(db, keys, at(THROTTLE.windowMs + 1000));
		await expect(assertNotThrottled(db, keys, at(THROTTLE.windowMs + 2000))).resolves.toBeUndefined();
	});

	it('refuses even the right password while locked, and a success clears the account counter', async () => {
		await signUp(db, { email: 'c@example.com', name: 'C', password: 'right-password' });
		const input = (password: string) => ({ email: 'c@example.com', password });
		for (let i = 0; i < 2; i++) await expect(logIn(db, input('wrong'), '198.51.100.1')).rejects.toMatchObject({ code: 'invalid_credentials' });
		await expect(logIn(db, input('right-password'), '198.51.100.1')).resolves.toHaveProperty('userId');
		for (let i = 0; i < THROTTLE.accountLimit; i++) await expect(logIn(db, input('wrong'), null)).rejects.toBeInstanceOf(UserError);
		await expect(logIn(db, input('right-password'), null)).rejects.toMatchObject({ code: 'throttled' });
	});
});
