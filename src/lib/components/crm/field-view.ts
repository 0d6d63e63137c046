/**
 * How the CRM pages show and edit field values: the shape of a field
 * definition as pages receive it, and pure formatters shared by the list,
 * the card, the merge page and the timeline (server and browser alike).
 */

export interface FieldOptionView {
	key: string;
	label: string;
	archived?: boolean;
}

export interface FieldView {
	key: string;
	label: string;
	type: string;
	multiple: boolean;
	required: boolean;
	system: boolean;
	options: FieldOptionView[];
	settings: { targetType?: string };
}

export interface PersonView {
	id: string;
	name: string;
}

/** What formatting needs beyond the value: names of people and linked records, the page's language. */
export interface FormatContext {
	locale: 'ru' | 'en';
	/** IANA zone instants are shown in (the person's browser's, remembered in a cookie). */
	timeZone: string;
	people: ReadonlyMap<string, string>;
	records?: ReadonlyMap<string, string>;
}

export const isList = (f: Pick<FieldView, 'type' | 'multiple'>) => f.multiple || f.type === 'multi-enum';

/** `+79161234567` → `+7 916 123-45-67`; other countries stay in E.164. */
export function formatPhone(e164: string): string {
	const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
	return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : e164;
}

const intlLocale = (locale: 'ru' | 'en') => (locale === 'en' ? 'en-GB' : 'ru-RU');

export function formatMoney(value: { amount: number; currency: string }, locale: 'ru' | 'en'): string {
	try {
		// Whole sums without kopecks («350 000 ₽»), others with both digits («99,50 $»).
		const digits = Number.isInteger(value.amount) ? 0 : 2;
		return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: value.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value.amount);
	} catch {
		return `${value.amount} ${value.currency}`;
	}
}

export function formatNumber(n: number, locale: 'ru' | 'en'): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 }).format(n);
}

/** `2025-03-01` → `01.03.2025` (or `01/03/2025`), read as a calendar day without a zone. */
export function formatDay(iso: string, locale: 'ru' | 'en'): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return locale === 'en' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[3]}.${m[2]}.${m[1]}`;
}

export function formatInstant(value: string | Date, locale: 'ru' | 'en', timeZone: string): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	if (Number.isNaN(date.getTime())) return String(value);
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short', timeZone }).format(date);
}

/** How far `timeZone` is ahead of UTC at the instant `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
			.formatToParts(ms)
			.map((p) => [p.type, p.value])
	);
	return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) - Math.floor(ms / 1000) * 1000;
}

/** An ISO instant as a `datetime-local` input's value in `timeZone`. */
export function toLocalInput(iso: string, timeZone: string): string {
	const ms = new Date(iso).getTime();
	if (Number.isNaN(ms)) return '';
	return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 16);
}

/** A `datetime-local` value (`2025-03-01T10:00`) read in `timeZone`, as an ISO instant; null when it is not one. */
export function fromLocalInput(local: string, timeZone: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
	if (!m) return null;
	const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
	let ms = wall - zoneOffset(wall, timeZone);
	ms = wall - zoneOffset(ms, timeZone);
	return new Date(ms).toISOString();
}

/** A zone name the runtime knows, or the fallback. */
export function validTimeZone(zone: string | undefined, fallback = 'Europe/Moscow'): string {
	if (!zone) return fallback;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return zone;
	} catch {
		return fallback;
	}
}

const asItems = (value: unknown): unknown[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** One stored item of a field as text. */
export function formatItem(field: Pick<FieldView, 'type' | 'options'>, item: unknown, ctx: FormatContext): string {
	switch (field.type) {
		case 'money':
			return typeof item === 'object' && item !== null && 'amount' in item ? formatMoney(item as { amount: number; currency: string }, ctx.locale) : String(item);
		case 'number':
			return typeof item === 'number' ? formatNumber(item, ctx.locale) : String(item);
		case 'date':
			return formatDay(String(item), ctx.locale);
		case 'datetime':
			return formatInstant(String(item), ctx.locale, ctx.timeZone);
		case 'boolean':
			return item === true ? (ctx.locale === 'en' ? 'Yes' : 'Да') : ctx.locale === 'en' ? 'No' : 'Нет';
		case 'enum':
		case 'multi-enum':
			return field.options.find((o) => o.key === item)?.label ?? String(item);
		case 'phone':
			return formatPhone(String(item));
		case 'user':
			return ctx.people.get(String(item)) ?? String(item);
		case 'record-link':
			return ctx.records?.get(String(item)) ?? String(item);
		default:
			return String(item);
	}
}

/** A whole value as display strings (several for a list); empty when there is no value. */
export function formatValue(field: Pick<FieldView, 'type' | 'options'>, value: unknown, ctx: FormatContext): string[] {
	return asItems(value).map((item) => formatItem(field, item, ctx));
}

/** A stored value as a form shows it back: the strings its inputs hold. */
export function inputValues(field: Pick<FieldView, 'type'>, value: unknown, timeZone: string): string[] {
	return asItems(value).map((item) => {
		if (field.type === 'money' && typeof item === 'object' && item !== null) return String((item as { amount: number }).amount);
		if (field.type === 'phone') return formatPhone(String(item));
		if (field.type === 'datetime') return toLocalInput(String(item), timeZone);
		return String(item);
	});
}

export function isEmptyValue(value: unknown): boolean {
	return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
