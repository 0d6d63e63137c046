import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '$lib/server/errors';
import { ru } from '$lib/i18n/ru';
import { en } from '$lib/i18n/en';

describe('error messages', () => {
	it('every error code has a message in Russian and English', () => {
		for (const code of Object.keys(ERROR_STATUS)) {
			expect((ru.errors as Record<string, string>)[code], `ru errors.${code}`).toBeTruthy();
			expect((en.errors as Record<string, string>)[code], `en errors.${code}`).toBeTruthy();
		}
	});

	it('Russian and English field messages have the same keys', () => {
		expect(Object.keys(en.fieldErrors).sort()).toEqual(Object.keys(ru.fieldErrors).sort());
	});
});
