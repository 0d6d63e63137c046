import type { crmFields, FieldOption, FieldSettings } from '../db/schema/crm';
import type { FieldType } from './field-types';

/** A field of an entity type, as forms, validation and publishing see it. */
export interface FieldDefinition {
	id: string;
	key: string;
	label: string;
	type: FieldType;
	multiple: boolean;
	required: boolean;
	system: boolean;
	position: number;
	options: FieldOption[];
	settings: FieldSettings;
}

export function toFieldDefinition(row: typeof crmFields.$inferSelect): FieldDefinition {
	return {
		id: row.id,
		key: row.key,
		label: row.label,
		type: row.type as FieldType,
		multiple: row.multiple,
		required: row.required,
		system: row.system,
		position: row.position,
		options: row.options,
		settings: row.settings
	};
}

/** The options a new value may take (archived ones stay readable but cannot be chosen). */
export function activeOptionKeys(field: Pick<FieldDefinition, 'options'>): Set<string> {
	return new Set(field.options.filter((o) => !o.archived).map((o) => o.key));
}
