import { translator, type Locale } from '$lib/i18n';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as a person says it, in its two largest units (the smaller one rounded): «3 дн 4 ч»,
 * «2 ч 5 мин», «45 с»;
 * a dash when there is none.
 */
export function durationWords(ms: number | null | undefined, locale: Locale): string {
	if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
	const t = translator(locale);
	const unit = (key: string) => t(`reportsHeatmap.units.${key}`) as string;
	if (ms < SECOND) return unit('lessThanSecond');
	// Rounded to the smaller of the two units shown, so 1 h 3 min 40 s reads «1 ч 4 мин».
	const sizes = [DAY, HOUR, MINUTE, SECOND];
	const exact = ms;
	const largest = sizes.findIndex((size) => exact >= size);
	const step = sizes[Math.min(largest + 1, sizes.length - 1)]!;
	ms = Math.round(exact / step) * step;
	const parts: [number, string][] = [
		[Math.floor(ms / DAY), 'd'],
		[Math.floor((ms % DAY) / HOUR), 'h'],
		[Math.floor((ms % HOUR) / MINUTE), 'min'],
		[Math.floor((ms % MINUTE) / SECOND), 's']
	];
	const first = parts.findIndex(([n]) => n > 0);
	return parts
		.slice(first, first + 2)
		.filter(([n]) => n > 0)
		.map(([n, key]) => `${n} ${unit(key)}`)
		.join(' ');
}
