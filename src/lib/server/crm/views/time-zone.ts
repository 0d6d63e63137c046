import type { Cookies } from '@sveltejs/kit';
import { validTimeZone } from '$lib/components/crm/field-view';

/** The cookie where the browser's time zone is remembered (set by the CRM pages), so the server shows and reads times as the person sees them. */
export const TIME_ZONE_COOKIE = 'potok_tz';

export function timeZoneOf(cookies: Pick<Cookies, 'get'>): string {
	return validTimeZone(cookies.get(TIME_ZONE_COOKIE));
}
