import { afterEach, describe, expect, it } from 'vitest';
import { rememberTimeZone, rememberTimeZoneWhenIdle } from '$lib/client/time-zone-cookie';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const cookie = () => document.cookie.split('; ').find((c) => c.startsWith('potok_tz='));
const clear = () => (document.cookie = 'potok_tz=; path=/; max-age=0');

describe('the time-zone cookie', () => {
	afterEach(clear);

	it("tells the server the browser's zone", () => {
		clear();
		expect(rememberTimeZone()).toBe(zone);
		expect(cookie()).toBe(`potok_tz=${encodeURIComponent(zone)}`);
	});

	it('is set once the page is idle, not while it starts', async () => {
		clear();
		rememberTimeZoneWhenIdle();
		expect(cookie()).toBeUndefined();
		await expect.poll(cookie, { timeout: 3000 }).toBe(`potok_tz=${encodeURIComponent(zone)}`);
	});

	it('is not set when the page goes away first', async () => {
		clear();
		rememberTimeZoneWhenIdle()();
		await new Promise((resolve) => setTimeout(resolve, 2500));
		expect(cookie()).toBeUndefined();
	});
});
