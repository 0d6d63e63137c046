import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneQueryDigits } from '$lib/server/crm/phone';
import { normaliseEmail } from '$lib/server/crm/email';
import { companyNameKey, normaliseText, personNameKey } from '$lib/server/crm/names';
import { keyFromLabel } from '$lib/server/crm/field-keys';

describe('phone normalisation', () => {
	it.each([
		['8 (916) 123-45-67', '+79161234567'],
		['89161234567', '+79161234567'],
		['+7 916 123 45 67', '+79161234567'],
		['+7(916)1234567', '+79161234567'],
		['7 916 123-45-67', '+79161234567'],
		['9161234567', '+79161234567'],
		['(495) 123-45-67', '+74951234567'],
		['8-495-123-45-67', '+74951234567'],
		['+8 916 123-45-67', '+79161234567'],
		['  8.916.123.45.67 ', '+79161234567'],
		['+375 29 123-45-67', '+375291234567'],
		['8 10 375 29 123 45 67', '+375291234567'],
		['00 998 90 123 45 67', '+998901234567'],
		['+7 701 123 45 67', '+77011234567']
	])('%s → %s', (input, expected) => {
		expect(normalisePhone(input)).toBe(expected);
	});

	it.each(['', '123', '8 916 123 45', '+7 916 123 45 678', 'телефон 89161234567', '89161234567 доб. 12', '+7+9161234567', '+0123456789', '1234567890123'])(
		'%j is not a phone number',
		(input) => {
			expect(normalisePhone(input)).toBeNull();
		}
	);

	it('formats Russian numbers for reading and leaves others in E.164', () => {
		expect(formatPhone('+79161234567')).toBe('+7 916 123-45-67');
		expect(formatPhone('+375291234567')).toBe('+375291234567');
	});

	it('reads phone digits out of a search query; a full number typed with 8 matches the stored 7', () => {
		expect(phoneQueryDigits('123-45')).toBe('12345');
		expect(phoneQueryDigits('8 916 123-45-67')).toBe('79161234567');
		expect(phoneQueryDigits('Иванов')).toBeNull();
		expect(phoneQueryDigits('12')).toBeNull();
	});
});

describe('e-mail normalisation', () => {
	it.each([
		['  Ivan.Petrov@Mail.RU ', 'ivan.petrov@mail.ru'],
		['mailto:SALES@example.com', 'sales@example.com'],
		['Почта@Пример.РФ', 'почта@пример.рф'],
		['a+tag@sub.example.co.uk', 'a+tag@sub.example.co.uk']
	])('%j → %s', (input, expected) => {
		expect(normaliseEmail(input)).toBe(expected);
	});

	it.each(['', 'ivan', 'ivan@', '@mail.ru', 'ivan@mail', 'ivan petrov@mail.ru', 'ivan@@mail.ru', 'ivan..p@mail.ru', 'ivan@mail.r'])('%j is not an e-mail', (input) => {
		expect(normaliseEmail(input)).toBeNull();
	});
});

describe('names for search and duplicate control', () => {
	it('lower-cases Cyrillic and folds ё into е', () => {
		expect(normaliseText('  Артём  «Ёлкин» ')).toBe('артем елкин');
	});

	it('matches a person whatever the word order', () => {
		expect(personNameKey('Иванов', 'Иван', null)).toBe(personNameKey('Иван Иванов'));
		expect(personNameKey('Пётр')).toBe('петр');
		expect(personNameKey('', undefined)).toBeNull();
	});

	it('ignores legal forms and quotes in company names', () => {
		expect(companyNameKey('ООО «Ромашка»')).toBe('ромашка');
		expect(companyNameKey('Ромашка, ооо')).toBe('ромашка');
		expect(companyNameKey('ИП Сидоров А.А.')).toBe('сидоров а а');
		expect(companyNameKey('ООО')).toBeNull();
	});

	it('makes field keys from Russian labels', () => {
		expect(keyFromLabel('Дата встречи')).toBe('data_vstrechi');
		expect(keyFromLabel('Причина отказа (если есть)')).toBe('prichina_otkaza_esli_est');
		expect(keyFromLabel('1С номер')).toBe('field_1s_nomer');
		expect(keyFromLabel('!!!')).toBe('field');
	});
});
