import { describe, expect, it } from 'vitest';
import { expressionWords, readDurationCall, readFieldOffset, readFieldReference, readOutcomeTest } from '$lib/spec/expression-words';

describe('readOutcomeTest', () => {
	it.each([
		['=outcome = "lost"', { keys: ['lost'], negated: false }],
		['outcome = "lost"', { keys: ['lost'], negated: false }],
		['=outcome != "won"', { keys: ['won'], negated: true }],
		['=not(outcome = "won")', { keys: ['won'], negated: true }],
		['=outcome = "a" or outcome = "b"', { keys: ['a', 'b'], negated: false }],
		['=(outcome = "a") or (outcome = "b")', { keys: ['a', 'b'], negated: false }],
		['=outcome in ("a", "b")', { keys: ['a', 'b'], negated: false }],
		['=outcome = "reached" and record.budget > 0', { keys: ['reached'], negated: false, also: 'record.budget > 0' }],
		['=record.budget > 0 and outcome = "reached"', { keys: ['reached'], negated: false, also: 'record.budget > 0' }]
	])('reads %s', (expression, test) => {
		expect(readOutcomeTest(expression)).toEqual(test);
	});

	it('does not read what is not a test of the outcome', () => {
		for (const expression of ['=record.budget > 100000', '=outcome = "a" or record.vip', '=status = "lost"', '=outcome = lost', '=not(outcome = "a" and record.x)']) {
			expect(readOutcomeTest(expression)).toBeUndefined();
		}
	});

	it('keeps an " or " inside a string literal', () => {
		expect(readOutcomeTest('=outcome = "yes or no"')).toEqual({ keys: ['yes or no'], negated: false });
	});
});

describe('timer and deadline expressions', () => {
	it('reads a moment relative to a record field', () => {
		expect(readFieldOffset('=record.meeting_at - duration("PT1H")')).toEqual({ field: 'meeting_at', direction: 'before', offset: 'PT1H' });
		expect(readFieldOffset('=record.meeting_at + duration("P1D")')).toEqual({ field: 'meeting_at', direction: 'after', offset: 'P1D' });
		expect(readFieldOffset('=duration("P1D") + record.meeting_at')).toEqual({ field: 'meeting_at', direction: 'after', offset: 'P1D' });
		expect(readFieldOffset('=record.meeting_at')).toEqual({ field: 'meeting_at', direction: 'at', offset: '' });
		expect(readFieldOffset('=now() + duration("P1D")')).toBeUndefined();
	});

	it('reads a duration call and a bare field reference', () => {
		expect(readDurationCall('=duration("P2D")')).toBe('P2D');
		expect(readDurationCall('=duration(record.x)')).toBeUndefined();
		expect(readFieldReference('=record.manager')).toBe('manager');
		expect(readFieldReference('record.manager')).toBeUndefined();
	});
});

describe('expressionWords', () => {
	const labels: Record<string, string> = { budget: 'Бюджет', vip: 'VIP-клиент' };
	const label = (key: string) => labels[key];

	it('replaces field keys with labels and says operators in Russian, leaving strings alone', () => {
		expect(expressionWords('=record.budget >= 100000 and not(record.vip) or record.city != "and or"', label, 'ru')).toBe(
			'«Бюджет» ≥ 100000 и не(«VIP-клиент») или «city» ≠ "and or"'
		);
	});

	it('keeps English operators in English', () => {
		expect(expressionWords('=record.budget > 0 and record.vip', label, 'en')).toBe('“Бюджет” > 0 and “VIP-клиент”');
	});
});
