import { describe, expect, it } from 'vitest';
import { rememberLast } from '$lib/client/remember-last';

describe('rememberLast', () => {
	it('computes once per key in a row and again for a new key', () => {
		const calls: string[] = [];
		const fetchOnce = rememberLast((url: string) => {
			calls.push(url);
			return Promise.resolve(`<xml of ${url}>`);
		});
		const first = fetchOnce('/r/1.bpmn');
		expect(fetchOnce('/r/1.bpmn')).toBe(first);
		const second = fetchOnce('/r/2.bpmn');
		expect(second).not.toBe(first);
		expect(fetchOnce('/r/2.bpmn')).toBe(second);
		expect(calls).toEqual(['/r/1.bpmn', '/r/2.bpmn']);
	});
});
