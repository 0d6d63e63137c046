import { describe, expect, it } from 'vitest';
import { addDuration, parseCycle, parseDateTime, parseDuration } from '../../src/lib/engine/iso-time';

const at = (iso: string) => Date.parse(iso);

describe('ISO 8601 timer values', () => {
	it.each([
		['PT1H', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00.000Z'],
		['P1DT2H30M', '2026-01-01T00:00:00Z', '2026-01-02T02:30:00.000Z'],
		['P1W', '2026-01-01T00:00:00Z', '2026-01-08T00:00:00.000Z'],
		['P1M', '2026-01-31T00:00:00Z', '2026-03-03T00:00:00.000Z'],
		['P1Y', '2026-02-01T10:00:00Z', '2027-02-01T10:00:00.000Z'],
		['PT0.5S', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.500Z']
	])('adds %s to %s', (duration, from, expected) => {
		const parsed = parseDuration(duration);
		if (!parsed) throw new Error('should parse');
		expect(new Date(addDuration(at(from), parsed)).toISOString()).toBe(expected);
	});

	it.each(['P', 'PT', '1H', 'P1H', 'soon', 'P1DT'])('rejects %s as a duration', (text) => {
		expect(parseDuration(text)).toBeUndefined();
	});

	it('reads dates with a zone, without one as UTC, and rejects what is not a date', () => {
		expect(parseDateTime('2026-03-01T09:00:00+03:00')).toBe(at('2026-03-01T06:00:00Z'));
		expect(parseDateTime('2026-03-01T09:00:00')).toBe(at('2026-03-01T09:00:00Z'));
		expect(parseDateTime('2026-03-01')).toBe(at('2026-03-01T00:00:00Z'));
		expect(parseDateTime('next monday')).toBeUndefined();
	});

	it('reads cycles with a count, forever, and with a start date', () => {
		expect(parseCycle('R3/PT1H')).toEqual({ repetitions: 3, period: { years: 0, months: 0, weeks: 0, days: 0, ms: 3_600_000 } });
		expect(parseCycle('R/PT10M')?.repetitions).toBe(-1);
		expect(parseCycle('R2/2026-01-02T09:00:00Z/P1D')).toMatchObject({ repetitions: 2, start: at('2026-01-02T09:00:00Z') });
		expect(parseCycle('R3')).toBeUndefined();
		expect(parseCycle('PT1H')).toBeUndefined();
	});
});
