import { describe, expect, it } from 'vitest';
import { dropOrder } from '$lib/components/crm/drop-order';

describe('the order a dropped field row makes', () => {
	const keys = ['title', 'phone', 'email', 'source'];

	it('puts the row before or after the row it was dropped on, up or down the list', () => {
		expect(dropOrder(keys, 'source', 'phone', false)).toEqual(['title', 'source', 'phone', 'email']);
		expect(dropOrder(keys, 'source', 'title', false)).toEqual(['source', 'title', 'phone', 'email']);
		expect(dropOrder(keys, 'title', 'email', true)).toEqual(['phone', 'email', 'title', 'source']);
		expect(dropOrder(keys, 'phone', 'source', true)).toEqual(['title', 'email', 'source', 'phone']);
	});

	it('is nothing to save when the row lands where it was, on itself, or a key is unknown', () => {
		expect(dropOrder(keys, 'phone', 'email', false)).toBeNull();
		expect(dropOrder(keys, 'phone', 'title', true)).toBeNull();
		expect(dropOrder(keys, 'phone', 'phone', true)).toBeNull();
		expect(dropOrder(keys, 'nope', 'phone', true)).toBeNull();
	});
});
