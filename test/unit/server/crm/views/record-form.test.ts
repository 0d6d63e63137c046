import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '$lib/server/crm/field-definition';
import { fieldFormOptions } from '$lib/server/crm/views/field-form';
import { readRecordForm } from '$lib/server/crm/views/record-form';

let position = 0;
const field = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
	id: key,
	key,
	label: key,
	type,
	multiple: false,
	required: false,
	system: false,
	position: position++,
	options: [],
	settings: {},
	...extra
});
const fields = [
	field('title', 'string', { required: true, system: true }),
	field('responsible', 'user', { system: true }),
	field('observers', 'user', { multiple: true, system: true }),
	field('amount', 'money'),
	field('phone', 'phone', { multiple: true }),
	field('vip', 'boolean'),
	field('source', 'enum', { options: [{ key: 'web', label: 'Сайт' }, { key: 'fax', label: 'Факс', archived: true }] }),
	field('meeting_at', 'datetime'),
	field('hidden_note', 'text')
];
const present = ['observers', 'amount', 'phone', 'vip', 'source', 'meeting_at'];

describe('the record form as a browser posts it', () => {
	it('reads every shown field: money with its currency as typed, several phones, an unticked box, a time in the person’s zone', () => {
		const input = readRecordForm(
			fields,
			{ present, title: 'Кухня', responsibleId: 'u1', observerIds: ['u2', 'u3'], 'v.amount': '350 000,50', 'v.amount.currency': 'EUR', 'v.phone': ['8 916 123-45-67', ''], 'v.vip': 'false', 'v.source': 'web', 'v.meeting_at': '2025-03-01T10:00' },
			'Europe/Moscow'
		);
		expect(input).toEqual({
			title: 'Кухня',
			responsibleId: 'u1',
			observerIds: ['u2', 'u3'],
			values: { amount: { amount: '350000.50', currency: 'EUR' }, phone: ['8 916 123-45-67'], vip: false, source: 'web', meeting_at: '2025-03-01T07:00:00.000Z' }
		});
	});

	it('when editing, leaves out what came back as it was shown — an archived option the record holds stays untouched', () => {
		const current = { title: 'Кухня', responsibleId: 'u1', observerIds: ['u2'], values: { amount: { amount: 100, currency: 'RUB' }, phone: ['+79161234567'], vip: true, source: 'fax', meeting_at: '2025-03-01T07:00:00.000Z' } };
		const posted = { present, title: 'Кухня', responsibleId: 'u1', observerIds: 'u2', 'v.amount': '100', 'v.amount.currency': 'RUB', 'v.phone': '+7 916 123-45-67', 'v.vip': ['false', 'true'], 'v.source': 'fax', 'v.meeting_at': '2025-03-01T10:00' };
		expect(readRecordForm(fields, posted, 'Europe/Moscow', current)).toEqual({ values: {} });
		expect(readRecordForm(fields, { ...posted, 'v.amount': '120', 'v.vip': 'false', observerIds: [] }, 'Europe/Moscow', current)).toEqual({
			observerIds: [],
			values: { amount: { amount: '120', currency: 'RUB' }, vip: false }
		});
	});

	it('an emptied field clears its value; a field the form did not show is not touched', () => {
		const input = readRecordForm(fields, { present: ['amount', 'phone'], 'v.amount': '', 'v.phone': ['', ''] }, 'Europe/Moscow');
		expect(input.values).toEqual({ amount: null, phone: null });
	});
});

describe('enum options as the field settings form posts them', () => {
	const current = [
		{ key: 'straight', label: 'Прямая' },
		{ key: 'corner', label: 'Угловая' },
		{ key: 'old', label: 'Старая', archived: true }
	];
	it('renames by key, drops what is ticked, keeps archived ones and adds new lines', () => {
		expect(fieldFormOptions(current, { 'opt.straight': 'Прямая кухня', 'opt.corner': 'Угловая', 'drop.corner': 'on', newOptions: 'Островная\n\n П-образная ' })).toEqual([
			{ key: 'straight', label: 'Прямая кухня' },
			{ key: 'old', label: 'Старая', archived: true },
			{ label: 'Островная' },
			{ label: 'П-образная' }
		]);
	});
});
