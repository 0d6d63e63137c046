import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { crmFields } from '../db/schema';
import type { FieldOption } from '../db/schema/crm';
import { newId } from '../ids';
import { loadFields } from './fields';
import { hasOptions, type FieldType } from './field-types';

/** A field a diagram's stage declares (`potok:field`), with the element it is on. */
export interface DiagramField {
	key: string;
	label?: string;
	type: FieldType;
	options?: string[];
	element: string;
}

export interface FieldConflict {
	key: string;
	element: string;
	existingType: FieldType;
	declaredType: FieldType;
}

/**
 * Merges the fields a published diagram declares into its entity type: new
 * keys become fields at the end of the card, new enum options are appended
 * (their key is the option text, which is what the diagram's expressions
 * compare with). A key declared with another type than the field already has
 * is a conflict; when there is any, nothing is written and the conflicts are
 * returned for the publish error to name field and element.
 */
export async function mergeDiagramFieldsTx(tx: Tx, workspaceId: string, entityTypeId: string, declared: readonly DiagramField[], now = new Date()): Promise<{ added: string[]; updated: string[]; conflicts: FieldConflict[] }> {
	const fields = await loadFields(tx, entityTypeId);
	const byKey = new Map(fields.map((f) => [f.key, f]));
	const conflicts: FieldConflict[] = [];
	const firstType = new Map<string, DiagramField>();
	for (const d of declared) {
		const existing = byKey.get(d.key);
		const earlier = firstType.get(d.key);
		if (existing && existing.type !== d.type) conflicts.push({ key: d.key, element: d.element, existingType: existing.type, declaredType: d.type });
		else if (!existing && earlier && earlier.type !== d.type) conflicts.push({ key: d.key, element: d.element, existingType: earlier.type, declaredType: d.type });
		if (!earlier) firstType.set(d.key, d);
	}
	if (conflicts.length > 0) return { added: [], updated: [], conflicts };

	const changed = new Set<string>();
	const created = new Map<string, { label: string; type: FieldType; options: FieldOption[] }>();
	for (const d of declared) {
		const existing = byKey.get(d.key);
		let target = existing ?? created.get(d.key);
		if (!target) {
			target = { label: d.label ?? d.key, type: d.type, options: [] };
			created.set(d.key, target);
		}
		if (!hasOptions(d.type)) continue;
		for (const text of d.options ?? []) {
			if (target.options.some((o) => o.key === text || o.label === text)) continue;
			target.options = [...target.options, { key: text, label: text }];
			if (existing) changed.add(d.key);
		}
	}
	for (const key of changed) {
		await tx.update(crmFields).set({ options: byKey.get(key)!.options, updatedAt: now }).where(and(eq(crmFields.entityTypeId, entityTypeId), eq(crmFields.key, key)));
	}
	let position = fields.reduce((p, f) => Math.max(p, f.position), -1);
	for (const [key, f] of created) {
		position += 1;
		await tx.insert(crmFields).values({ id: newId(), workspaceId, entityTypeId, key, label: f.label, type: f.type, multiple: false, required: false, system: false, position, options: f.options, settings: {}, createdAt: now, updatedAt: now });
	}
	const added = [...created.keys()];
	const updated = [...changed];
	return { added, updated, conflicts };
}
