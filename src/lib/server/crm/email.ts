/**
 * E-mail addresses for storage, search and duplicate control: trimmed,
 * without a `mailto:` prefix, lower-cased. Addresses on Cyrillic domains
 * (`почта@пример.рф`) are allowed.
 */

const shape = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"._][^\s@<>()[\]\\,;:"]*\.[^\s@<>()[\]\\,;:".]{2,}$/u;

/** The normalised address, or null when the text is not one. */
export function normaliseEmail(input: string): string | null {
	const value = input.trim().replace(/^mailto:/i, '').toLowerCase();
	if (value.length > 254 || !shape.test(value) || value.includes('..')) return null;
	return value;
}
