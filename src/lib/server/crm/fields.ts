import { and, asc, eq, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { crmFields, crmRecords } from '../db/schema';
import type { FieldOption, FieldSettings } from '../db/schema/crm';
import type { WorkspaceScope } from '../access/scope';
import { UserError, type FieldProblem } from '../errors';
import { newId } from '../ids';
import type { Reader } from './db-types';
import { findEntityType, requireEntityType, type EntityType } from './entity-types';
import { toFieldDefinition, type FieldDefinition } from './field-definition';
import { isValidKey, keyFromLabel, RESERVED_KEYS, uniqueKey } from './field-keys';
import { editOptions } from './field-options';
import { canBeMultiple, FIELD_TYPES, hasOptions, typeChange, type FieldType } from './field-types';
import { assertCanConfigureCrm } from './record-scope';
import { rebuildSearch } from './search-index';

/**
 * Settings → Fields: the field definitions of an entity type. Keys are fixed
 * once created (diagrams and robots name them); labels, order, the required
 * flag and enum options change at any time. A type change is allowed while no
 * record holds a value, and afterwards only when every value stays meaningful.
 */

const optionInputSchema = z.object({
	key: z.string().trim().min(1).max(100).optional(),
	label: z.string().trim().min(1, 'required').max(200),
	archived: z.boolean().optional()
});

const settingsSchema = z.strictObject({ targetType: z.string().trim().min(1).max(48).optional() });

export const fieldInputSchema = z.object({
	key: z.string().trim().max(100).optional(),
	label: z.string().trim().min(1, 'required').max(200),
	type: z.enum(FIELD_TYPES),
	multiple: z.boolean().optional().default(false),
	required: z.boolean().optional().default(false),
	options: z.array(optionInputSchema).max(500).optional(),
	settings: settingsSchema.optional()
});
export type FieldInput = z.input<typeof fieldInputSchema>;

export const fieldPatchSchema = z.object({
	key: z.string().trim().optional(),
	label: z.string().trim().min(1, 'required').max(200).optional(),
	type: z.enum(FIELD_TYPES).optional(),
	multiple: z.boolean().optional(),
	required: z.boolean().optional(),
	options: z.array(optionInputSchema).max(500).optional(),
	settings: settingsSchema.optional()
});
export type FieldPatch = z.input<typeof fieldPatchSchema>;

/** The fields of an entity type in card order. */
export async function loadFields(db: Reader, entityTypeId: string): Promise<FieldDefinition[]> {
	const rows = await db.select().from(crmFields).where(eq(crmFields.entityTypeId, entityTypeId)).orderBy(asc(crmFields.position), asc(crmFields.key));
	return rows.map(toFieldDefinition);
}

export async function listFields(database: Database, scope: WorkspaceScope, typeKey: string): Promise<FieldDefinition[]> {
	const type = await requireEntityType(database.db, scope.workspaceId, typeKey);
	return loadFields(database.db, type.id);
}

const jsonPath = (key: string) => `$.${key}`;

/** How many records of the type hold a value for the key. */
async function storedValueCount(tx: Tx, typeId: string, key: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)` })
		.from(crmRecords)
		.where(and(eq(crmRecords.entityTypeId, typeId), sql`json_type(${crmRecords.fieldValues}, ${jsonPath(key)}) is not null`));
	return row?.n ?? 0;
}

/** The option keys some record of the type holds in the field. */
async function usedOptionKeys(tx: Tx, typeId: string, key: string): Promise<Set<string>> {
	const rows = await tx.all<{ value: string }>(
		sql`select distinct j.value as value from ${crmRecords} r, json_each(r.field_values, ${jsonPath(key)}) j where r.entity_type_id = ${typeId}`
	);
	return new Set(rows.map((r) => String(r.value)));
}

async function checkSettings(tx: Tx, workspaceId: string, type: FieldType, settings: FieldSettings | undefined, problems: FieldProblem[]): Promise<FieldSettings> {
	if (type !== 'record-link') return {};
	const target = settings?.targetType;
	if (target && !(await findEntityType(tx, workspaceId, target))) problems.push({ field: 'settings.targetType', message: `unknown_entity_type:${target}` });
	return target ? { targetType: target } : {};
}

function fail(problems: FieldProblem[]): never {
	throw new UserError('validation', {}, problems);
}

/** Adds a field at the end of the card. Without a key, one is made from the label. */
export async function createField(database: Database, scope: WorkspaceScope, typeKey: string, input: FieldInput): Promise<FieldDefinition> {
	assertCanConfigureCrm(scope);
	const data = fieldInputSchema.parse(input);
	return database.write(async (tx) => {
		const type = await requireEntityType(tx, scope.workspaceId, typeKey, tx);
		const fields = await loadFields(tx, type.id);
		const taken = new Set(fields.map((f) => f.key));
		const problems: FieldProblem[] = [];
		let key = data.key;
		if (key) {
			if (!isValidKey(key)) problems.push({ field: 'key', message: 'field_key_format' });
			else if (RESERVED_KEYS.has(key)) problems.push({ field: 'key', message: 'field_key_reserved' });
			else if (taken.has(key)) throw new UserError('conflict', { key }, [{ field: 'key', message: 'field_key_taken' }]);
		} else {
			key = uniqueKey(keyFromLabel(data.label), (k) => taken.has(k) || RESERVED_KEYS.has(k));
		}
		if (data.multiple && !canBeMultiple(data.type)) problems.push({ field: 'multiple', message: 'cannot_be_multiple' });
		let options: FieldOption[] = [];
		if (hasOptions(data.type)) {
			const edited = editOptions([], data.options ?? [], new Set());
			if ('problems' in edited) problems.push(...edited.problems);
			else options = edited.options;
		} else if (data.options && data.options.length > 0) {
			problems.push({ field: 'options', message: 'options_not_allowed' });
		}
		const settings = await checkSettings(tx, scope.workspaceId, data.type, data.settings, problems);
		if (problems.length > 0) fail(problems);

		const [last] = await tx.select({ p: max(crmFields.position) }).from(crmFields).where(eq(crmFields.entityTypeId, type.id));
		const now = new Date();
		const row = {
			id: newId(),
			workspaceId: scope.workspaceId,
			entityTypeId: type.id,
			key,
			label: data.label,
			type: data.type,
			multiple: data.multiple,
			required: data.required,
			system: false,
			position: (last?.p ?? -1) + 1,
			options,
			settings,
			createdAt: now,
			updatedAt: now
		};
		await tx.insert(crmFields).values(row);
		return toFieldDefinition(row);
	});
}

async function requireField(tx: Tx, type: EntityType, key: string): Promise<FieldDefinition> {
	const [row] = await tx.select().from(crmFields).where(and(eq(crmFields.entityTypeId, type.id), eq(crmFields.key, key)));
	if (!row) throw new UserError('not_found', { field: key });
	return toFieldDefinition(row);
}

const isList = (f: Pick<FieldDefinition, 'type' | 'multiple'>) => f.multiple || f.type === 'multi-enum';

/**
 * Changes a field's label, required flag, options, settings, or — within the
 * rules — its type and `multiple`. Stored values are rewritten when a single
 * value becomes a list; search rows follow when phones or e-mails are involved.
 */
export async function updateField(database: Database, scope: WorkspaceScope, typeKey: string, key: string, patch: FieldPatch): Promise<FieldDefinition> {
	assertCanConfigureCrm(scope);
	const data = fieldPatchSchema.parse(patch);
	return database.write(async (tx) => {
		const type = await requireEntityType(tx, scope.workspaceId, typeKey, tx);
		const field = await requireField(tx, type, key);
		if (data.key !== undefined && data.key !== key) fail([{ field: 'key', message: 'field_key_fixed' }]);
		const next = {
			type: data.type ?? field.type,
			multiple: data.multiple ?? (data.type !== undefined && !canBeMultiple(data.type) ? false : field.multiple),
			required: data.required ?? field.required
		};
		const shapeChanges = next.type !== field.type || next.multiple !== field.multiple;
		if (field.system && shapeChanges) throw new UserError('system_field', { label: field.label });
		if (field.key === 'title' && !next.required) throw new UserError('system_field', { label: field.label });

		const problems: FieldProblem[] = [];
		if (next.multiple && !canBeMultiple(next.type)) problems.push({ field: 'multiple', message: 'cannot_be_multiple' });
		let rewrite: 'same' | 'wrap' = 'same';
		if (shapeChanges && (await storedValueCount(tx, type.id, key)) > 0) {
			const change = typeChange(field.type, next.type);
			const fromList = isList(field);
			const toList = isList(next);
			if (change === 'refuse' || (fromList && !toList)) {
				throw new UserError('field_type_change', { label: field.label, from: field.type, to: next.type });
			}
			rewrite = change === 'wrap' || (!fromList && toList) ? 'wrap' : 'same';
		}

		let options: FieldOption[] = [];
		if (hasOptions(next.type)) {
			const incoming = data.options ?? field.options;
			const edited = editOptions(field.options, incoming, data.options ? await usedOptionKeys(tx, type.id, key) : new Set(field.options.map((o) => o.key)));
			if ('problems' in edited) problems.push(...edited.problems);
			else options = edited.options;
		} else if (data.options && data.options.length > 0) {
			problems.push({ field: 'options', message: 'options_not_allowed' });
		}
		const settings = data.settings !== undefined || next.type !== field.type ? await checkSettings(tx, scope.workspaceId, next.type, data.settings ?? field.settings, problems) : field.settings;
		if (problems.length > 0) fail(problems);

		if (rewrite === 'wrap') {
			await tx.run(sql`update ${crmRecords} set field_values = json_set(field_values, ${jsonPath(key)}, json_array(json(field_values -> ${jsonPath(key)})))
				where entity_type_id = ${type.id} and json_type(field_values, ${jsonPath(key)}) not in ('array', 'null')`);
		}
		const set = { label: data.label ?? field.label, ...next, options, settings, updatedAt: new Date() };
		await tx.update(crmFields).set(set).where(eq(crmFields.id, field.id));
		const touchesSearch = [field.type, next.type].some((t) => t === 'phone' || t === 'email');
		if (shapeChanges && touchesSearch) await rebuildSearch(tx, scope.workspaceId, type, await loadFields(tx, type.id));
		return { ...field, ...set };
	});
}

/** Puts the fields of a type in the given order; `keys` must list every field once. */
export async function reorderFields(database: Database, scope: WorkspaceScope, typeKey: string, keys: string[]): Promise<void> {
	assertCanConfigureCrm(scope);
	return database.write(async (tx) => {
		const type = await requireEntityType(tx, scope.workspaceId, typeKey, tx);
		const fields = await loadFields(tx, type.id);
		const wrong = notPermutation(keys, fields.map((f) => f.key));
		if (wrong.length > 0) fail([{ field: 'keys', message: `not_permutation:${wrong.join(', ')}` }]);
		const now = new Date();
		for (const [position, key] of keys.entries()) {
			await tx.update(crmFields).set({ position, updatedAt: now }).where(and(eq(crmFields.entityTypeId, type.id), eq(crmFields.key, key)));
		}
	});
}

/** The keys that keep `keys` from being an order of `known`: missing, unknown or repeated ones. */
function notPermutation(keys: string[], known: string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set(keys.filter((k) => seen.has(k) || !seen.add(k)));
	return [...known.filter((k) => !seen.has(k)), ...[...seen].filter((k) => !known.includes(k)), ...repeated];
}

/** Deletes a custom field and its values in every record of the type. */
export async function deleteField(database: Database, scope: WorkspaceScope, typeKey: string, key: string): Promise<void> {
	assertCanConfigureCrm(scope);
	return database.write(async (tx) => {
		const type = await requireEntityType(tx, scope.workspaceId, typeKey, tx);
		const field = await requireField(tx, type, key);
		if (field.system) throw new UserError('system_field', { label: field.label });
		await tx.delete(crmFields).where(eq(crmFields.id, field.id));
		const affected = await tx
			.update(crmRecords)
			.set({ fieldValues: sql`json_remove(${crmRecords.fieldValues}, ${jsonPath(key)})` })
			.where(and(eq(crmRecords.entityTypeId, type.id), sql`json_type(${crmRecords.fieldValues}, ${jsonPath(key)}) is not null`))
			.returning({ id: crmRecords.id });
		if ((field.type === 'phone' || field.type === 'email') && affected.length > 0) {
			await rebuildSearch(tx, scope.workspaceId, type, await loadFields(tx, type.id), affected.map((r) => r.id));
		}
	});
}
