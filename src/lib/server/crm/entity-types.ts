import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { crmEntityTypes, crmFields, crmSettings } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import type { Reader } from './db-types';
import { keyFromLabel, uniqueKey } from './field-keys';
import { assertCanConfigureCrm } from './record-scope';
import { BUILT_IN_TYPES, CUSTOM_TYPE_FIELDS, STANDARD_FIELDS, type StandardField } from './standard-fields';

export interface EntityType {
	id: string;
	key: string;
	name: string;
	builtIn: boolean;
}

const columns = { id: crmEntityTypes.id, key: crmEntityTypes.key, name: crmEntityTypes.name, builtIn: crmEntityTypes.builtIn };

export const entityTypeNameSchema = z.string().trim().min(1, 'required').max(100);

async function insertType(tx: Tx, workspaceId: string, key: string, name: string, builtIn: boolean, fields: StandardField[], now: Date): Promise<EntityType> {
	const id = newId();
	await tx.insert(crmEntityTypes).values({ id, workspaceId, key, name, builtIn, createdAt: now });
	await tx.insert(crmFields).values(
		fields.map((f, position) => ({
			id: newId(),
			workspaceId,
			entityTypeId: id,
			key: f.key,
			label: f.label,
			type: f.type,
			multiple: f.multiple ?? false,
			required: f.required ?? false,
			system: true,
			position,
			options: f.options ?? [],
			settings: f.settings ?? {},
			createdAt: now,
			updatedAt: now
		}))
	);
	return { id, key, name, builtIn };
}

/**
 * Gives a workspace the built-in entity types with their standard fields and
 * its CRM settings row. Idempotent: what exists is left alone, so it can run
 * for workspaces created before the CRM existed.
 */
export async function seedCrmTx(tx: Tx, workspaceId: string, now = new Date()): Promise<void> {
	const existing = new Set((await tx.select({ key: crmEntityTypes.key }).from(crmEntityTypes).where(eq(crmEntityTypes.workspaceId, workspaceId))).map((t) => t.key));
	for (const type of BUILT_IN_TYPES) {
		if (!existing.has(type.key)) await insertType(tx, workspaceId, type.key, type.name, true, STANDARD_FIELDS[type.key], now);
	}
	await tx.insert(crmSettings).values({ workspaceId, updatedAt: now }).onConflictDoNothing();
}

export async function listEntityTypes(database: Database, scope: WorkspaceScope): Promise<EntityType[]> {
	return database.db
		.select(columns)
		.from(crmEntityTypes)
		.where(eq(crmEntityTypes.workspaceId, scope.workspaceId))
		.orderBy(asc(crmEntityTypes.createdAt), asc(crmEntityTypes.key));
}

export async function findEntityType(db: Reader, workspaceId: string, key: string): Promise<EntityType | null> {
	const [row] = await db
		.select(columns)
		.from(crmEntityTypes)
		.where(and(eq(crmEntityTypes.workspaceId, workspaceId), eq(crmEntityTypes.key, key)));
	return row ?? null;
}

export async function findEntityTypeById(db: Reader, workspaceId: string, id: string): Promise<EntityType | null> {
	const [row] = await db
		.select(columns)
		.from(crmEntityTypes)
		.where(and(eq(crmEntityTypes.workspaceId, workspaceId), eq(crmEntityTypes.id, id)));
	return row ?? null;
}

/** The entity type with this key, or `not_found`. In a write, a missing built-in type is seeded first. */
export async function requireEntityType(db: Reader, workspaceId: string, key: string, seedWith?: Tx): Promise<EntityType> {
	let type = await findEntityType(db, workspaceId, key);
	if (!type && seedWith && BUILT_IN_TYPES.some((t) => t.key === key)) {
		await seedCrmTx(seedWith, workspaceId);
		type = await findEntityType(seedWith, workspaceId, key);
	}
	if (!type) throw new UserError('not_found', { entityType: key });
	return type;
}

/**
 * The entity type a process drives, by key (`deal`) or by name («Увольнение
 * сотрудника»), created as a custom type with the common fields when there is
 * none — publishing calls this.
 */
export async function ensureEntityTypeTx(tx: Tx, workspaceId: string, keyOrName: string, now = new Date()): Promise<EntityType> {
	const wanted = keyOrName.trim();
	const all = await tx.select(columns).from(crmEntityTypes).where(eq(crmEntityTypes.workspaceId, workspaceId));
	const found = all.find((t) => t.key === wanted) ?? all.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
	if (found) return found;
	if (BUILT_IN_TYPES.some((t) => t.key === wanted)) return requireEntityType(tx, workspaceId, wanted, tx);
	const taken = new Set(all.map((t) => t.key));
	const key = uniqueKey(keyFromLabel(wanted, 'type'), (k) => taken.has(k) || BUILT_IN_TYPES.some((t) => t.key === k));
	return insertType(tx, workspaceId, key, wanted, false, CUSTOM_TYPE_FIELDS, now);
}

/** Creates a custom entity type (smart process) by name; its key is made from the name. */
export async function createEntityType(database: Database, scope: WorkspaceScope, name: string): Promise<EntityType> {
	assertCanConfigureCrm(scope);
	const parsed = entityTypeNameSchema.parse(name);
	return database.write(async (tx) => {
		const all = await tx.select(columns).from(crmEntityTypes).where(eq(crmEntityTypes.workspaceId, scope.workspaceId));
		if (all.some((t) => t.name.toLowerCase() === parsed.toLowerCase() || t.key === parsed)) {
			throw new UserError('conflict', { name: parsed }, [{ field: 'name', message: 'entity_type_exists' }]);
		}
		return ensureEntityTypeTx(tx, scope.workspaceId, parsed);
	});
}
