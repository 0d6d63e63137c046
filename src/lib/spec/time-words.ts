import type { SpecLocale } from './spec-document';

/**
 * ISO 8601 time values in words, as a client reads them in a ТЗ: `PT2H` → «2 часа»,
 * `P1DT12H` → «1 день 12 часов», `R3/PT1H` → «каждый 1 час, 3 раза». Undefined when the text
 * is not an ISO value, so the caller can show it as it is.
 */

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

/** Russian forms for 1, 2–4 and 5+ (and 11–14). */
const ruForms: Record<Unit, [string, string, string]> = {
	year: ['год', 'года', 'лет'],
	month: ['месяц', 'месяца', 'месяцев'],
	week: ['неделя', 'недели', 'недель'],
	day: ['день', 'дня', 'дней'],
	hour: ['час', 'часа', 'часов'],
	minute: ['минута', 'минуты', 'минут'],
	second: ['секунда', 'секунды', 'секунд']
};

/** Russian accusative, as after «за» and «через»: «за 1 минуту», «через 1 неделю». */
const ruAccusativeOne: Partial<Record<Unit, string>> = { week: 'неделю', minute: 'минуту', second: 'секунду' };

/** The Russian form of a noun for a count: 1 день, 2 дня, 5 дней, 21 день, 1,5 часа. */
export function ruPlural(count: number, forms: readonly [string, string, string]): string {
	if (!Number.isInteger(count)) return forms[1];
	const n = Math.abs(count) % 100;
	const last = n % 10;
	if (n >= 11 && n <= 14) return forms[2];
	if (last === 1) return forms[0];
	if (last >= 2 && last <= 4) return forms[1];
	return forms[2];
}

const durationPattern =
	/^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const units: Unit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/** The non-zero parts of an ISO duration, largest first; undefined when it is not one. */
export function durationParts(text: string): { unit: Unit; count: number }[] | undefined {
	const match = durationPattern.exec(text.trim());
	if (!match) return undefined;
	const parts: { unit: Unit; count: number }[] = [];
	units.forEach((unit, i) => {
		const raw = match[i + 1];
		if (raw !== undefined) {
			const count = Number(raw.replace(',', '.'));
			if (count !== 0) parts.push({ unit, count });
		}
	});
	return parts;
}

/**
 * An ISO duration in words: «2 часа», «1 день 12 часов», "2 hours". `accusative` gives the
 * Russian form after «за»/«через» («за 1 минуту»). Undefined when it is not a duration.
 */
export function durationWords(text: string, locale: SpecLocale, accusative = false): string | undefined {
	const parts = durationParts(text);
	if (!parts) return undefined;
	if (parts.length === 0) return locale === 'ru' ? '0 минут' : '0 minutes';
	return parts
		.map(({ unit, count }) => {
			const number = locale === 'ru' ? String(count).replace('.', ',') : String(count);
			if (locale === 'en') return `${number} ${unit}${count === 1 ? '' : 's'}`;
			const one = accusative && Number.isInteger(count) && count % 10 === 1 && count % 100 !== 11 ? ruAccusativeOne[unit] : undefined;
			return `${number} ${one ?? ruPlural(count, ruForms[unit])}`;
		})
		.join(' ');
}

/** Whether a text is an ISO 8601 date or date-time. */
export function isIsoDateTime(text: string): boolean {
	return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim());
}

/**
 * A moment for people: «01.03.2026 09:00 (UTC)» in Russian, «2026-03-01 09:00 (UTC)» in English.
 * An ISO text without a zone is read as UTC, as the engine reads timer dates.
 */
export function dateTimeWords(value: string | Date, locale: SpecLocale, timeZone: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	const date =
		typeof value === 'string'
			? new Date(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text)
			: value;
	if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(date)
			.map((p) => [p.type, p.value])
	) as Record<string, string>;
	const day = locale === 'ru' ? `${parts.day}.${parts.month}.${parts.year}` : `${parts.year}-${parts.month}-${parts.day}`;
	return `${day} ${parts.hour}:${parts.minute} (${timeZone})`;
}

/**
 * A repeating ISO cycle (`R3/PT1H`, `R/P1D`, `R5/2026-01-01T09:00:00Z/P1W`) in words, or undefined.
 */
export function cycleWords(text: string, locale: SpecLocale, timeZone: string): string | undefined {
	const match = /^R(\d*)\/(?:([^/]+)\/)?(P[^/]+)$/.exec(text.trim());
	if (!match) return undefined;
	const [, repetitions = '', start, period = ''] = match;
	const every = everyWords(period, locale);
	if (every === undefined) return undefined;
	const from = start !== undefined && isIsoDateTime(start) ? dateTimeWords(start, locale, timeZone) : start;
	const times = repetitions === '' ? undefined : Number(repetitions);
	if (locale === 'ru') {
		const count = times === undefined ? 'без ограничения числа повторов' : `${times} ${ruPlural(times, ['раз', 'раза', 'раз'])}`;
		return `${from ? `начиная с ${from}, ` : ''}${every}, ${count}`;
	}
	const count = times === undefined ? 'without end' : `${times} time${times === 1 ? '' : 's'}`;
	return `${from ? `from ${from}, ` : ''}${every}, ${count}`;
}

const ruEveryOne: Record<Unit, string> = {
	year: 'каждый год', month: 'каждый месяц', week: 'каждую неделю', day: 'каждый день',
	hour: 'каждый час', minute: 'каждую минуту', second: 'каждую секунду'
};

/** «каждый час», «каждые 2 часа», "every hour", "every 2 hours". */
function everyWords(period: string, locale: SpecLocale): string | undefined {
	const parts = durationParts(period);
	const words = durationWords(period, locale);
	if (!parts || words === undefined) return undefined;
	const single = parts.length === 1 && parts[0]?.count === 1 ? parts[0].unit : undefined;
	if (locale === 'ru') return single ? ruEveryOne[single] : `каждые ${words}`;
	return single ? `every ${single}` : `every ${words}`;
}
