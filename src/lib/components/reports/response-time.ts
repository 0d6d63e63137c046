import { t } from '$lib/i18n/t.svelte';

/** A response time in minutes as people say it: «12 мин», «3 ч 5 мин», «2 д 4 ч». */
export function formatMinutes(minutes: number): string {
	if (minutes < 1) return t('reportsManagers.duration.lessThanMinute');
	const total = Math.round(minutes);
	if (total < 60) return t('reportsManagers.duration.minutes', { m: total });
	if (total < 24 * 60) return t('reportsManagers.duration.hours', { h: Math.floor(total / 60), m: total % 60 });
	const hours = Math.round(total / 60);
	return t('reportsManagers.duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}
