import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';

describe('password hashing', () => {
	it('hashes with argon2id and a random salt, and verifies only the right password', async () => {
		const a = await hashPassword('секретный пароль');
		const b = await hashPassword('секретный пароль');
		expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword(a, 'секретный пароль')).toBe(true);
		expect(await verifyPassword(a, 'секретный парол')).toBe(false);
	});

	it('treats a malformed stored hash as a mismatch, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
});
