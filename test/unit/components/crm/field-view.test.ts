import { describe, expect, it } from 'vitest';
import { formatItem, formatMoney, formatValue, fromLocalInput, inputValues, toLocalInput, validTimeZone } from '$lib/components/crm/field-view';

const ctx = { locale: 'ru' as const, timeZone: 'Europe/Moscow', people: new Map([['u1', 'Марина Продажина']]), records: new Map([['r1', 'ООО «Ромашка»']]) };
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('CRM field values as people read them', () => {
	it('shows money without kopecks when there are none, and with them when there are', () => {
		expect(nbsp(formatMoney({ amount: 350000, currency: 'RUB' }, 'ru'))).toBe('350 000 ₽');
		expect(nbsp(formatMoney({ amount: 99.5, currency: 'USD' }, 'ru'))).toBe('99,50 $');
	});

	it('names options, people and linked records by their labels, and formats phones and days', () => {
		const options = [{ key: 'web', label: 'Сайт' }];
		expect(formatItem({ type: 'enum', options }, 'web', ctx)).toBe('Сайт');
		expect(formatItem({ type: 'user', options: [] }, 'u1', ctx)).toBe('Марина Продажина');
		expect(formatItem({ type: 'record-link', options: [] }, 'r1', ctx)).toBe('ООО «Ромашка»');
		expect(formatValue({ type: 'phone', options: [] }, ['+79161234567', '+375291234567'], ctx)).toEqual(['+7 916 123-45-67', '+375291234567']);
		expect(formatItem({ type: 'date', options: [] }, '2025-03-01', ctx)).toBe('01.03.2025');
		expect(formatItem({ type: 'boolean', options: [] }, false, ctx)).toBe('Нет');
	});

	it('reads a datetime input in the person’s zone and shows it back the same', () => {
		expect(fromLocalInput('2025-03-01T10:00', 'Europe/Moscow')).toBe('2025-03-01T07:00:00.000Z');
		expect(fromLocalInput('2025-07-01T10:00', 'Europe/Berlin')).toBe('2025-07-01T08:00:00.000Z');
		expect(toLocalInput('2025-03-01T07:00:00.000Z', 'Asia/Novosibirsk')).toBe('2025-03-01T14:00');
		expect(fromLocalInput('1 марта', 'Europe/Moscow')).toBeNull();
		expect(formatItem({ type: 'datetime', options: [] }, '2025-03-01T07:00:00.000Z', ctx)).toBe('01.03.2025, 10:00');
	});

	it('gives form inputs the strings a person would type', () => {
		expect(inputValues({ type: 'money' }, { amount: 1200.5, currency: 'EUR' }, 'Europe/Moscow')).toEqual(['1200.5']);
		expect(inputValues({ type: 'phone' }, ['+79161234567'], 'Europe/Moscow')).toEqual(['+7 916 123-45-67']);
		expect(inputValues({ type: 'text' }, null, 'Europe/Moscow')).toEqual([]);
	});

	it('falls back to Moscow for a zone the runtime does not know', () => {
		expect(validTimeZone('Asia/Yekaterinburg')).toBe('Asia/Yekaterinburg');
		expect(validTimeZone('Mars/Olympus')).toBe('Europe/Moscow');
		expect(validTimeZone(undefined)).toBe('Europe/Moscow');
	});
});
