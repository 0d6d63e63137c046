import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random 16-character id (80 bits), URL-safe. */
export function newId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
