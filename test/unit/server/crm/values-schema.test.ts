import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '$lib/server/crm/field-definition';
import { parseValues, valuesSchema } from '$lib/server/crm/values-schema';
import { UserError } from '$lib/server/errors';

let n = 0;
const field = (key: string, label: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
	id: `f${++n}`,
	key,
	label,
	type,
	multiple: false,
	required: false,
	system: false,
	position: n,
	options: [],
	settings: {},
	...extra
});

const fields: FieldDefinition[] = [
	field('title', 'Название', 'string', { required: true }),
	field('phone', 'Телефон', 'phone', { multiple: true }),
	field('email', 'E-mail', 'email', { multiple: true }),
	field('amount', 'Сумма', 'money'),
	field('budget', 'Бюджет', 'number', { required: true }),
	field('meeting_at', 'Дата встречи', 'datetime'),
	field('birthdate', 'Дата рождения', 'date'),
	field('vip', 'VIP', 'boolean'),
	field('site', 'Сайт', 'url'),
	field('source', 'Источник', 'enum', { options: [{ key: 'web', label: 'Сайт' }, { key: 'fax', label: 'Факс', archived: true }] }),
	field('tags', 'Метки', 'multi-enum', { options: [{ key: 'hot', label: 'Горячий' }, { key: 'b2b', label: 'B2B' }] }),
	field('note', 'Примечание', 'string')
];

function problemsOf(input: Record<string, unknown>, mode: 'create' | 'update' = 'create') {
	try {
		parseValues(fields, input, mode);
	} catch (e) {
		expect(e).toBeInstanceOf(UserError);
		return (e as UserError).details;
	}
	throw new Error('Expected the values to be refused, but they were accepted');
}

describe('values validated by the zod schema built from field definitions', () => {
	it('normalises every type: phones to E.164, e-mails lower-cased, money with currency, dates ISO', () => {
		const values = parseValues(
			fields,
			{
				phone: '8 (916) 123-45-67',
				email: [' Ivan@Mail.RU ', 'ivan@mail.ru', 'b@example.com'],
				amount: '150000,50',
				budget: 300000,
				meeting_at: '2031-05-20T10:00:00+03:00',
				birthdate: '07.03.1990',
				vip: 'true',
				site: 'kuhni.example.ru',
				source: 'web',
				tags: 'hot',
				note: '  Перезвонить  '
			},
			'create'
		);
		expect(values).toEqual({
			phone: ['+79161234567'],
			email: ['ivan@mail.ru', 'b@example.com'],
			amount: { amount: 150000.5, currency: 'RUB' },
			budget: 300000,
			meeting_at: '2031-05-20T07:00:00.000Z',
			birthdate: '1990-03-07',
			vip: true,
			site: 'https://kuhni.example.ru/',
			source: 'web',
			tags: ['hot'],
			note: 'Перезвонить'
		});
	});

	it('names the key and the label of every bad field at once', () => {
		const problems = problemsOf({
			phone: ['+7 916 123-45-67', '12345'],
			email: 'not-an-email',
			amount: { amount: 10, currency: 'рубли' },
			meeting_at: '2031-05-20 10:00',
			birthdate: '31.02.1990',
			vip: 'yes',
			site: 'ftp://files.example.ru',
			source: 'fax',
			tags: ['hot', 'cold'],
			note: 'x'.repeat(256),
			colour: 'red'
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				{ field: 'values.phone', message: 'invalid_phone:Телефон' },
				{ field: 'values.email', message: 'invalid_email:E-mail' },
				{ field: 'values.amount', message: 'invalid_money:Сумма' },
				{ field: 'values.budget', message: 'required:Бюджет' },
				{ field: 'values.meeting_at', message: 'invalid_datetime:Дата встречи' },
				{ field: 'values.birthdate', message: 'invalid_date:Дата рождения' },
				{ field: 'values.vip', message: 'invalid_boolean:VIP' },
				{ field: 'values.site', message: 'invalid_url:Сайт' },
				{ field: 'values.source', message: 'unknown_option:Источник' },
				{ field: 'values.tags', message: 'unknown_option:Метки' },
				{ field: 'values.note', message: 'too_long:Примечание' },
				{ field: 'values.colour', message: 'unknown_field:colour' }
			])
		);
		expect(problems).toHaveLength(12);
	});

	it('leaves title, responsible and observers to the record columns', () => {
		expect(problemsOf({ budget: 1, title: 'x' })).toEqual([{ field: 'values.title', message: 'unknown_field:title' }]);
	});

	it('on update checks only the keys given, and a required field cannot be cleared', () => {
		expect(parseValues(fields, { note: 'ok' }, 'update')).toEqual({ note: 'ok' });
		expect(parseValues(fields, { note: '' }, 'update')).toEqual({ note: null });
		expect(problemsOf({ budget: null }, 'update')).toEqual([{ field: 'values.budget', message: 'required:Бюджет' }]);
		expect(problemsOf({ budget: '' }, 'update')).toEqual([{ field: 'values.budget', message: 'required:Бюджет' }]);
	});

	it('refuses a list for a single-valued field and a datetime without a time zone', () => {
		expect(problemsOf({ budget: 1, note: ['a', 'b'] })).toEqual([{ field: 'values.note', message: 'not_a_single_value:Примечание' }]);
		expect(problemsOf({ budget: 1, meeting_at: '2031-05-20T10:00:00' })).toEqual([{ field: 'values.meeting_at', message: 'invalid_datetime:Дата встречи' }]);
	});

	it('is a zod schema: safeParse works on its own', () => {
		const schema = valuesSchema(fields, 'create');
		expect(schema.safeParse({ budget: 5 }).success).toBe(true);
		expect(schema.safeParse({ budget: 'много' }).success).toBe(false);
	});
});
