import type { Locale } from '$lib/i18n';

/**
 * Period shortcuts for the report filters (whole UTC days, `to` included, like the server's
 * `parsePeriod`) and number formats the reports share.
 */

export interface PeriodPreset {
	/** Its name under `reports.presets` in the i18n bundle. */
	key: string;
	from: string;
	to: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

export function periodPresets(now: Date): PeriodPreset[] {
	const y = now.getUTCFullYear();
	const m = now.getUTCMonth();
	const today = utc(y, m, now.getUTCDate());
	const quarter = Math.floor(m / 3) * 3;
	return [
		{ key: 'days7', from: day(new Date(today.getTime() - 6 * 86_400_000)), to: day(today) },
		{ key: 'days30', from: day(new Date(today.getTime() - 29 * 86_400_000)), to: day(today) },
		{ key: 'month', from: day(utc(y, m, 1)), to: day(today) },
		{ key: 'lastMonth', from: day(utc(y, m - 1, 1)), to: day(utc(y, m, 0)) },
		{ key: 'quarter', from: day(utc(y, quarter, 1)), to: day(today) },
		{ key: 'year', from: day(utc(y, 0, 1)), to: day(today) }
	];
}

/** A fraction as a percentage («42,5 %»), a dash when there is none. */
export function percent(value: number | null | undefined, locale: Locale): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
