import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * A new process instance id that sorts by creation time: 9 characters of the millisecond clock
 * (base 32, fixed width) and 8 random ones (40 bits). Rows keyed by instance id — the instance, its
 * records, its open tasks — then land at the right edge of their indexes, so the commands committed
 * together dirty a few shared pages instead of a random page per index each. Two ids of the same
 * millisecond clash with a chance of 2^-40; the store turns a clash into a retry.
 */
export function newInstanceId(now = Date.now()): string {
	return now.toString(32).padStart(9, '0') + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(5)));
}
