import { describe, expect, it } from 'vitest';
import { cycleWords, dateTimeWords, durationWords, ruPlural } from '$lib/spec/time-words';

describe('durationWords', () => {
	it.each([
		['PT15M', '15 минут'],
		['PT1H', '1 час'],
		['PT2H', '2 часа'],
		['PT5H', '5 часов'],
		['P1D', '1 день'],
		['P3D', '3 дня'],
		['P11D', '11 дней'],
		['P21D', '21 день'],
		['P1W', '1 неделя'],
		['P1M', '1 месяц'],
		['P1Y', '1 год'],
		['P5Y', '5 лет'],
		['P1DT12H', '1 день 12 часов'],
		['PT1.5H', '1,5 часа'],
		['PT0S', '0 минут']
	])('says %s as «%s» in Russian', (iso, words) => {
		expect(durationWords(iso, 'ru')).toBe(words);
	});

	it('uses the accusative after «за» and «через» where Russian needs it', () => {
		expect(durationWords('PT1M', 'ru', true)).toBe('1 минуту');
		expect(durationWords('P1W', 'ru', true)).toBe('1 неделю');
		expect(durationWords('PT21M', 'ru', true)).toBe('21 минуту');
		expect(durationWords('PT11M', 'ru', true)).toBe('11 минут');
		expect(durationWords('PT1H', 'ru', true)).toBe('1 час');
	});

	it('says durations in English with plurals', () => {
		expect(durationWords('PT1H', 'en')).toBe('1 hour');
		expect(durationWords('P2DT30M', 'en')).toBe('2 days 30 minutes');
	});

	it('returns undefined for what is not an ISO duration', () => {
		for (const text of ['', 'P', 'PT', '1 day', '=duration("P1D")', 'P1DT']) expect(durationWords(text, 'ru')).toBeUndefined();
	});
});

describe('ruPlural', () => {
	it('picks the form for 1, 2–4 and 5–20 the way Russian does, 11–14 included', () => {
		const forms = ['день', 'дня', 'дней'] as const;
		expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => ruPlural(n, forms))).toEqual([
			'день', 'дня', 'дня', 'дней', 'дней', 'дней', 'дней', 'день', 'дня', 'дней', 'день', 'дней'
		]);
	});
});

describe('dateTimeWords and cycleWords', () => {
	it('writes a moment in the given time zone and names the zone', () => {
		expect(dateTimeWords('2026-03-01T09:00:00Z', 'ru', 'Europe/Moscow')).toBe('01.03.2026 12:00 (Europe/Moscow)');
		expect(dateTimeWords('2026-03-01T09:00', 'en', 'UTC')).toBe('2026-03-01 09:00 (UTC)');
		expect(dateTimeWords(new Date('2026-12-31T21:30:00Z'), 'ru', 'UTC')).toBe('31.12.2026 21:30 (UTC)');
	});

	it('says repeating cycles with their count and start', () => {
		expect(cycleWords('R3/PT1H', 'ru', 'UTC')).toBe('каждый час, 3 раза');
		expect(cycleWords('R/P1D', 'ru', 'UTC')).toBe('каждый день, без ограничения числа повторов');
		expect(cycleWords('R5/2026-01-01T09:00:00Z/P2W', 'ru', 'UTC')).toBe('начиная с 01.01.2026 09:00 (UTC), каждые 2 недели, 5 раз');
		expect(cycleWords('R2/PT30M', 'en', 'UTC')).toBe('every 30 minutes, 2 times');
		expect(cycleWords('PT1H', 'ru', 'UTC')).toBeUndefined();
	});
});
