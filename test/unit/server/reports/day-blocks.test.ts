import { describe, expect, it } from 'vitest';
import { blocksOf, TOP_LEVEL } from '$lib/server/reports/day-blocks';

/** Every day a list of block ranges covers, in order. */
function daysCovered(from: number, to: number): number[] {
	const days: number[] = [];
	for (const { level, first, last } of blocksOf(from, to)) for (let b = first; b <= last; b++) for (let d = 0; d < 2 ** level; d++) days.push(b * 2 ** level + d);
	return days;
}

describe('blocks of days', () => {
	it('covers a period exactly, in order, with aligned blocks', () => {
		let seed = 7;
		const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
		for (let i = 0; i < 300; i++) {
			const from = 19_000 + next(1500);
			const to = from + next(800);
			expect(daysCovered(from, to)).toEqual(Array.from({ length: to - from }, (_, k) => from + k));
		}
	});

	it('reads at most two ranges per level, so a year is a handful of blocks', () => {
		for (const [from, to] of [[20_000, 20_365], [20_123, 20_853], [19_999, 20_029], [0, 5000]] as const) {
			const ranges = blocksOf(from, to);
			const perLevel = new Map<number, number>();
			for (const r of ranges) perLevel.set(r.level, (perLevel.get(r.level) ?? 0) + 1);
			expect(Math.max(...perLevel.values())).toBeLessThanOrEqual(2);
			expect(ranges.length).toBeLessThanOrEqual(2 * (TOP_LEVEL + 1));
		}
		// 2025-01-01 … 2025-12-31: a 256-day block, a 64-day one and so on, not 365 days.
		const year = blocksOf(Date.UTC(2025, 0, 1) / 86_400_000, Date.UTC(2026, 0, 1) / 86_400_000);
		expect(year.reduce((n, r) => n + r.last - r.first + 1, 0)).toBeLessThanOrEqual(16);
	});

	it('gives nothing for an empty period and one day for a day', () => {
		expect(blocksOf(20_000, 20_000)).toEqual([]);
		expect(blocksOf(20_001, 20_002)).toEqual([{ level: 0, first: 20_001, last: 20_001 }]);
		expect(blocksOf(20_000, 20_002)).toEqual([{ level: 1, first: 10_000, last: 10_000 }]);
	});
});
