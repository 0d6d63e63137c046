/**
 * Field and entity type keys. A field key is how robots and expressions name
 * the value (`record.meeting_at`), so it follows the lint rule for diagram
 * field keys: a lower-case letter, then a-z, 0-9 and _.
 */

export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const KEY_MAX = 48;

/** Keys the record keeps in columns or that name record properties; custom fields cannot take them. */
export const RESERVED_KEYS = new Set([
	'id', 'type', 'pipeline', 'stage', 'status', 'title', 'responsible', 'observers', 'created_at', 'updated_at',
	'created_by', 'merged_into', 'outcome', 'record'
]);

/** Fields stored in record columns rather than the values object. */
export const COLUMN_FIELDS = ['title', 'responsible', 'observers'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];
export const isColumnField = (key: string): key is ColumnField => (COLUMN_FIELDS as readonly string[]).includes(key);

export function isValidKey(key: string): boolean {
	return key.length <= KEY_MAX && KEY_PATTERN.test(key);
}

const cyrillic: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
	н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
	ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya'
};

/** A key made from a label: «Дата встречи» → `data_vstrechi`. */
export function keyFromLabel(label: string, fallback = 'field'): string {
	const latin = [...label.toLowerCase()].map((c) => cyrillic[c] ?? c).join('');
	let key = latin.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
	if (key === '') key = fallback;
	if (!/^[a-z]/.test(key)) key = `${fallback}_${key}`;
	return key.slice(0, KEY_MAX - 4).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3`… — the first that is not taken. */
export function uniqueKey(base: string, taken: (key: string) => boolean): string {
	if (!taken(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base}_${n}`;
		if (!taken(candidate)) return candidate;
	}
}
