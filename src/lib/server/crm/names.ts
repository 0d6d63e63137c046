/**
 * Text normalisation for search and duplicate control. SQLite lower-cases
 * only ASCII, so every searchable text is lower-cased here, in JavaScript,
 * with ё folded into е, before it is stored or compared.
 */

/** Lower-cased, ё → е, punctuation to spaces, spaces collapsed. */
export function normaliseText(input: string): string {
	return input
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A search query in the same form as the stored search text. */
export function normaliseQuery(q: string): string {
	return q.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function words(input: string): string[] {
	return input
		.toLowerCase()
		.replace(/ё/g, 'е')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0);
}

/**
 * A person's name as a duplicate key: words sorted, so «Иванов Иван» and
 * «Иван Иванов» meet. Null when there is nothing to compare.
 */
export function personNameKey(...parts: (string | null | undefined)[]): string | null {
	const key = words(parts.filter(Boolean).join(' ')).sort().join(' ');
	return key.length >= 2 ? key : null;
}

/** Legal forms that do not tell companies apart: «ООО «Ромашка»» and «Ромашка, ООО» are one company. */
const legalForms = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'нао', 'ип', 'тоо', 'чп', 'ooo', 'llc', 'ltd', 'inc', 'gmbh', 'co']);

/** A company name as a duplicate key (legal forms and quotes dropped, word order kept). */
export function companyNameKey(name: string | null | undefined): string | null {
	if (!name) return null;
	const key = words(name)
		.filter((w) => !legalForms.has(w))
		.join(' ');
	return key.length >= 2 ? key : null;
}
