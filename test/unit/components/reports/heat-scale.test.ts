import { describe, expect, it } from 'vitest';
import { durationWords } from '$lib/components/reports/duration-words';
import { heatLegend, heatLevel } from '$lib/components/reports/heat-scale';

describe('the heat scale', () => {
	it('puts nothing at step 0, the largest count at step 5 and the rest in fifths between', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => heatLevel(n, 10))).toEqual([0, 1, 1, 2, 2, 3, 3, 5]);
		expect(heatLevel(3, 0)).toBe(0);
	});

	it('lists in the legend only the steps some count reaches, with the counts of each', () => {
		expect(heatLegend(10)).toEqual([
			{ level: 1, from: 1, to: 2 },
			{ level: 2, from: 3, to: 4 },
			{ level: 3, from: 5, to: 6 },
			{ level: 4, from: 7, to: 8 },
			{ level: 5, from: 9, to: 10 }
		]);
		const small = heatLegend(3);
		expect(small).toEqual([
			{ level: 2, from: 1, to: 1 },
			{ level: 4, from: 2, to: 2 },
			{ level: 5, from: 3, to: 3 }
		]);
		for (const step of small) expect(heatLevel(step.from, 3)).toBe(step.level);
		expect(heatLegend(0)).toEqual([]);
	});
});

describe('a duration in words', () => {
	it('says the two largest units, in Russian or English', () => {
		const MIN = 60_000;
		expect(durationWords((2 * 60 + 5) * MIN, 'ru')).toBe('2 ч 5 мин');
		expect(durationWords((3 * 24 * 60 + 4 * 60 + 59) * MIN, 'ru')).toBe('3 дн 5 ч'); // rounded, not cut
		expect(durationWords(2 * 60 * MIN + 20_000, 'ru')).toBe('2 ч');
		expect(durationWords(23 * 60 * MIN + 59 * MIN + 50_000, 'ru')).toBe('1 дн'); // rounding carries into the larger unit
		expect(durationWords(45_000, 'en')).toBe('45 s');
		expect(durationWords(500, 'ru')).toBe('меньше секунды');
		expect(durationWords(null, 'ru')).toBe('—');
	});
});
