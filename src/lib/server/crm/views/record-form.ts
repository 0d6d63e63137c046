import { fromLocalInput, inputValues, isList } from '$lib/components/crm/field-view';
import type { FieldDefinition } from '../field-definition';
import { isColumnField } from '../field-keys';

/**
 * The record form as a browser posts it, turned into the library's input.
 * Inputs are named `title`, `responsibleId`, `observerIds` and `v.<key>` (a
 * money field adds `v.<key>.currency`); `present` lists the keys the form
 * showed, so that an unticked box or an emptied list clears its value.
 * When editing, a field whose inputs come back exactly as they were shown is
 * left out: nothing changes, and an archived option it holds stays valid.
 */
export type PostedForm = Record<string, string | string[]>;

export interface RecordFormInput {
	title?: string;
	responsibleId?: string | null;
	observerIds?: string[];
	values: Record<string, unknown>;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined): string => list(v).at(-1) ?? '';
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The posted strings of one field, as the value the library parses. */
function fieldValue(field: FieldDefinition, form: PostedForm, timeZone: string): unknown {
	const name = `v.${field.key}`;
	const items = list(form[name]).map((s) => s.trim()).filter((s) => s !== '');
	if (field.type === 'boolean') return one(form[name]) === 'true';
	if (isList(field)) {
		if (field.type === 'datetime') return items.map((s) => fromLocalInput(s, timeZone) ?? s);
		return items.length > 0 ? items : null;
	}
	const text = items.at(-1) ?? '';
	if (text === '') return null;
	if (field.type === 'money') {
		const currency = one(form[`${name}.currency`]) || 'RUB';
		// «350 000,50» as people type it.
		const amount = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
		return /^-?\d+(\.\d+)?$/.test(amount) ? { amount, currency } : text;
	}
	if (field.type === 'number') return text.replace(/[\s\u00a0]/g, '');
	if (field.type === 'datetime') return fromLocalInput(text, timeZone) ?? text;
	return text;
}

/** The strings a field's inputs post for a value, to tell an untouched field. */
function postedStrings(field: FieldDefinition, form: PostedForm): string[] {
	const name = `v.${field.key}`;
	if (field.type === 'boolean') return [one(form[name]) === 'true' ? 'true' : 'false'];
	const items = list(form[name]).map((s) => s.trim()).filter((s) => s !== '');
	return field.type === 'money' ? [...items, one(form[`${name}.currency`]) || 'RUB'] : items;
}

function shownStrings(field: FieldDefinition, value: unknown, timeZone: string): string[] {
	if (field.type === 'boolean') return [value === true ? 'true' : 'false'];
	const shown = inputValues(field, value, timeZone);
	if (field.type === 'money') {
		const currency = typeof value === 'object' && value !== null && 'currency' in value ? String(value.currency) : 'RUB';
		return [...shown, currency];
	}
	return shown;
}

/**
 * Reads a posted record form. With `current` (editing), only what the
 * person changed is returned.
 */
export function readRecordForm(fields: readonly FieldDefinition[], form: PostedForm, timeZone: string, current?: { title: string; responsibleId: string | null; observerIds: string[]; values: Record<string, unknown> }): RecordFormInput {
	const present = new Set(list(form.present));
	const out: RecordFormInput = { values: {} };
	if ('title' in form) {
		const title = one(form.title).trim();
		if (!current || title !== current.title) out.title = title;
	}
	if ('responsibleId' in form) {
		const responsibleId = one(form.responsibleId) || null;
		if (!current || responsibleId !== current.responsibleId) out.responsibleId = responsibleId;
	}
	if (present.has('observers')) {
		const observerIds = [...new Set(list(form.observerIds).filter(Boolean))].sort();
		if (!current || !same(observerIds, [...current.observerIds].sort())) out.observerIds = observerIds;
	}
	for (const field of fields) {
		if (isColumnField(field.key) || !present.has(field.key)) continue;
		if (current && same(postedStrings(field, form), shownStrings(field, current.values[field.key], timeZone))) continue;
		out.values[field.key] = fieldValue(field, form, timeZone);
	}
	return out;
}
