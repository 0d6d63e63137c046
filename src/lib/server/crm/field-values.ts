import { normaliseEmail } from './email';
import { activeOptionKeys, type FieldDefinition } from './field-definition';
import { normalisePhone } from './phone';

/**
 * One field value, checked and normalised by type. A result is either the
 * stored form of the value or the code of what is wrong (an i18n key of
 * `fieldErrors`). Empty input (null, '', []) means "no value".
 */
export type ItemResult = { ok: true; value: unknown } | { ok: false; code: string };

const ok = (value: unknown): ItemResult => ({ ok: true, value });
const bad = (code: string): ItemResult => ({ ok: false, code });

export const MAX_STRING = 255;
export const MAX_TEXT = 10_000;
export const MAX_ITEMS = 50;

export function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function toNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) return Number(value.trim().replace(',', '.'));
	return null;
}

function isoDate(y: number, m: number, d: number): string | null {
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	return date.toISOString().slice(0, 10);
}

function parseDate(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const s = value.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
	m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
	if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
	return null;
}

function parseDatetime(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const s = value.trim();
	// An instant needs its zone: «10:00» means nothing without it.
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) return null;
	const date = new Date(s);
	if (Number.isNaN(date.getTime()) || !parseDate(s.slice(0, 10))) return null;
	return date.toISOString();
}

function parseUrl(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const s = value.trim();
	if (s.length > 2000 || /\s/.test(s)) return null;
	try {
		const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		if (!url.hostname.includes('.')) return null;
		return url.href;
	} catch {
		return null;
	}
}

function parseMoney(value: unknown): { amount: number; currency: string } | null {
	const plain = toNumber(value);
	if (plain !== null) return { amount: plain, currency: 'RUB' };
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const { amount, currency, ...rest } = value as Record<string, unknown>;
	const n = toNumber(amount);
	const c = currency === undefined ? 'RUB' : typeof currency === 'string' ? currency.trim().toUpperCase() : null;
	if (n === null || c === null || !/^[A-Z]{3}$/.test(c) || Object.keys(rest).length > 0) return null;
	return { amount: n, currency: c };
}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks one item (one phone of several, the one date…) of a field. */
export function parseItem(field: FieldDefinition, value: unknown): ItemResult {
	switch (field.type) {
		case 'string':
		case 'text': {
			if (typeof value !== 'string' && typeof value !== 'number') return bad('invalid');
			const s = String(value).trim();
			return s.length > (field.type === 'string' ? MAX_STRING : MAX_TEXT) ? bad('too_long') : ok(s);
		}
		case 'number': {
			const n = toNumber(value);
			return n === null || Math.abs(n) > 1e15 ? bad('invalid_number') : ok(n);
		}
		case 'money': {
			const money = parseMoney(value);
			return money === null || Math.abs(money.amount) > 1e15 ? bad('invalid_money') : ok(money);
		}
		case 'date': {
			const d = parseDate(value);
			return d === null ? bad('invalid_date') : ok(d);
		}
		case 'datetime': {
			const d = parseDatetime(value);
			return d === null ? bad('invalid_datetime') : ok(d);
		}
		case 'boolean':
			if (typeof value === 'boolean') return ok(value);
			if (value === 'true' || value === 'false') return ok(value === 'true');
			return bad('invalid_boolean');
		case 'enum':
			return typeof value === 'string' && activeOptionKeys(field).has(value) ? ok(value) : bad('unknown_option');
		case 'phone': {
			const phone = typeof value === 'string' ? normalisePhone(value) : null;
			return phone === null ? bad('invalid_phone') : ok(phone);
		}
		case 'email': {
			const email = typeof value === 'string' ? normaliseEmail(value) : null;
			return email === null ? bad('invalid_email') : ok(email);
		}
		case 'url': {
			const url = parseUrl(value);
			return url === null ? bad('invalid_url') : ok(url);
		}
		case 'user':
			return typeof value === 'string' && idPattern.test(value) ? ok(value) : bad('unknown_user');
		case 'record-link':
			return typeof value === 'string' && idPattern.test(value) ? ok(value) : bad('unknown_record');
		case 'multi-enum':
			throw new Error(`Expected multi-enum to be parsed as a list, but parseItem got it`);
	}
}

/**
 * A whole field value: a list for `multiple` and `multi-enum` fields (a single
 * item is taken as a list of one; duplicates are dropped), otherwise one item.
 * `null` is the stored form of "no value".
 */
export function parseFieldValue(field: FieldDefinition, value: unknown): ItemResult {
	if (isEmpty(value)) return ok(null);
	const list = field.multiple || field.type === 'multi-enum';
	if (!list) {
		if (Array.isArray(value)) return bad('not_a_single_value');
		const item = parseItem(field, value);
		return item.ok && isEmpty(item.value) ? ok(null) : item;
	}
	const items = Array.isArray(value) ? value : [value];
	if (items.length > MAX_ITEMS) return bad('too_many_items');
	const itemField = field.type === 'multi-enum' ? { ...field, type: 'enum' as const } : field;
	const out: unknown[] = [];
	const seen = new Set<string>();
	for (const raw of items) {
		if (isEmpty(raw)) continue;
		const item = parseItem(itemField, raw);
		if (!item.ok) return item;
		const key = JSON.stringify(item.value);
		if (!seen.has(key)) {
			seen.add(key);
			out.push(item.value);
		}
	}
	return ok(out.length > 0 ? out : null);
}
