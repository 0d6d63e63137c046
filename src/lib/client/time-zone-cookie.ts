/**
 * The browser's time zone, told to the server in a cookie (`potok_tz`, read by
 * lib/server/crm/views/time-zone.ts) so that CRM dates and times are shown and read as the person
 * sees them. Set on every page (the login page too), so a CRM page is rendered in the right zone
 * from the first visit rather than reloading its data — and its half-filled forms — once it is open.
 */
export function rememberTimeZone(): string | null {
	const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!zone) return null;
	const cookie = `potok_tz=${encodeURIComponent(zone)}`;
	if (!document.cookie.split('; ').includes(cookie)) document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
	return zone;
}

/**
 * `rememberTimeZone` once the browser is idle (within two seconds): the first `Intl` call of a tab
 * loads the browser's locale data, 30–60 ms that would otherwise hold up every page's start.
 */
export function rememberTimeZoneWhenIdle(): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(() => rememberTimeZone(), { timeout: 2000 });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(() => rememberTimeZone(), 200);
	return () => clearTimeout(id);
}
