import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** A secret token with 160 bits of entropy, given to the client once and never stored. */
export function generateSecretToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** What the database keeps of a secret token: its SHA-256, hex. */
export function hashSecretToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
