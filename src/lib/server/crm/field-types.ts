import { fieldTypes } from '$lib/bpmn/potok-extensions';

/**
 * Field types are the diagram's (`potok:field type`), so that publishing can
 * merge a stage's fields into the entity type's definitions.
 */
export const FIELD_TYPES = fieldTypes;
export type FieldType = (typeof FIELD_TYPES)[number];

export const hasOptions = (type: FieldType): boolean => type === 'enum' || type === 'multi-enum';

/** Types whose value may be a list (`multiple`); multi-enum is a list by nature. */
export const canBeMultiple = (type: FieldType): boolean => !['boolean', 'multi-enum', 'text'].includes(type);

/** Changes that keep every stored value meaningful; the value is rewritten by `rewrite`. */
const compatible: Partial<Record<FieldType, Partial<Record<FieldType, 'same' | 'wrap'>>>> = {
	string: { text: 'same' },
	text: { string: 'same' },
	phone: { string: 'same', text: 'same' },
	email: { string: 'same', text: 'same' },
	url: { string: 'same', text: 'same' },
	enum: { 'multi-enum': 'wrap' }
};

/**
 * How stored values follow a type change: `same` (kept as they are), `wrap`
 * (a single value becomes a one-item list), or `refuse` when values exist.
 * Any change is allowed while no record holds a value.
 */
export function typeChange(from: FieldType, to: FieldType): 'same' | 'wrap' | 'refuse' {
	if (from === to) return 'same';
	return compatible[from]?.[to] ?? 'refuse';
}
