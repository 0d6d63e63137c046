import type { FieldView } from '$lib/components/crm/field-view';
import type { FieldDefinition } from '../field-definition';

/** Field definitions as pages receive them (no row ids). */
export function fieldViews(fields: readonly FieldDefinition[]): FieldView[] {
	return fields.map((f) => ({ key: f.key, label: f.label, type: f.type, multiple: f.multiple, required: f.required, system: f.system, options: f.options, settings: f.settings }));
}
