import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { crmComments, crmLinks, crmRecordObservers, crmRecords, crmTaskRecords, crmTimeline } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { findEntityTypeById } from './entity-types';
import { closeMergedVisitsTx } from './stage-visits';
import type { FieldDefinition } from './field-definition';
import { isColumnField } from './field-keys';
import { isEmpty } from './field-values';
import { loadFields } from './fields';
import { linkRule } from './link-rules';
import { loadRecords, requireVisibleRecord, type CrmRecord } from './record-read';
import { defaultTitle } from './record-title';
import { searchColumns, writeSearchRows } from './search-index';
import { appendTimeline } from './timeline';

/**
 * Merging duplicates. The survivor keeps its id; field by field its value
 * stays unless `choices` names another record to take the value from, or it
 * is empty and a merged record has one. Lists (phones, e-mails, multi-enums)
 * are united. Links, task links, comments and the whole timeline move onto
 * the survivor; the merged-away records stay, marked `mergedInto` (their card
 * redirects), out of lists, search and duplicate control. Both sides get a
 * `merged` timeline entry.
 */

export const mergeInputSchema = z.object({
	from: z.array(z.string().trim().min(1).max(64)).min(1, 'required').max(20),
	/** Field key (or `title`, `responsible`) → id of the record whose value survives. */
	values: z.record(z.string(), z.string()).optional().default({})
});
export type MergeInput = z.input<typeof mergeInputSchema>;

const isList = (f: FieldDefinition) => f.multiple || f.type === 'multi-enum';

function unite(values: unknown[]): unknown[] | null {
	const seen = new Set<string>();
	const out: unknown[] = [];
	for (const v of values.flatMap((x) => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]))) {
		const key = JSON.stringify(v);
		if (!seen.has(key)) {
			seen.add(key);
			out.push(v);
		}
	}
	return out.length > 0 ? out : null;
}

function mergedValues(fields: readonly FieldDefinition[], survivor: CrmRecord, all: readonly CrmRecord[], choices: Record<string, string>): Record<string, unknown> {
	const byId = new Map(all.map((r) => [r.id, r]));
	const out: Record<string, unknown> = {};
	for (const field of fields) {
		if (isColumnField(field.key)) continue;
		const chosen = choices[field.key];
		let value: unknown;
		if (chosen !== undefined) value = byId.get(chosen)!.values[field.key] ?? null;
		else if (isList(field)) value = unite(all.map((r) => r.values[field.key]));
		else value = all.map((r) => r.values[field.key]).find((v) => !isEmpty(v)) ?? null;
		if (!isEmpty(value)) out[field.key] = value;
	}
	// Values of fields deleted since are kept as the survivor had them.
	for (const [key, value] of Object.entries(survivor.values)) if (!(key in out) && !fields.some((f) => f.key === key)) out[key] = value;
	return out;
}

async function moveLinks(tx: Tx, workspaceId: string, survivor: CrmRecord, losers: readonly string[], at: Date): Promise<void> {
	const touching = and(eq(crmLinks.workspaceId, workspaceId), or(inArray(crmLinks.fromId, [...losers]), inArray(crmLinks.toId, [...losers])));
	const rows = await tx.select().from(crmLinks).where(touching);
	await tx.delete(crmLinks).where(touching);
	const targets = rows.map((l) => (losers.includes(l.fromId) ? { fromId: survivor.id, toId: l.toId } : { fromId: l.fromId, toId: survivor.id }));
	const records = new Map((await loadRecords(tx, workspaceId, targets.flatMap((t) => [t.fromId, t.toId]))).map((r) => [r.id, r]));
	for (const t of targets) {
		const from = records.get(t.fromId)!;
		const to = records.get(t.toId)!;
		if (linkRule(from.type, to.type)?.cardinality === 'one') {
			// A one-only link already there (the survivor's own company) wins over the merged record's.
			const [taken] = await tx
				.select({ toId: crmLinks.toId })
				.from(crmLinks)
				.innerJoin(crmRecords, eq(crmRecords.id, crmLinks.toId))
				.where(and(eq(crmLinks.fromId, from.id), eq(crmRecords.entityTypeId, to.entityTypeId), ne(crmLinks.toId, to.id)));
			if (taken) continue;
		}
		await tx.insert(crmLinks).values({ workspaceId, ...t, createdAt: at }).onConflictDoNothing();
	}
}

/**
 * Merges `fromIds` into `survivorId` inside a transaction. `reason` says
 * whether a person chose it or the workspace's automatic merge did.
 */
export async function mergeRecordsTx(tx: Tx, workspaceId: string, survivorId: string, fromIds: readonly string[], choices: Record<string, string>, actorId: string | null, reason: 'manual' | 'auto' = 'manual', at = new Date()): Promise<{ changed: string[] }> {
	const losers = [...new Set(fromIds)];
	if (losers.includes(survivorId)) throw new UserError('validation', {}, [{ field: 'from', message: 'merge_into_itself' }]);
	const all = await loadRecords(tx, workspaceId, [survivorId, ...losers]);
	const byId = new Map(all.map((r) => [r.id, r]));
	for (const id of [survivorId, ...losers]) {
		const r = byId.get(id);
		if (!r) throw new UserError('not_found', { record: id });
		if (r.mergedInto) throw new UserError('record_merged', { into: r.mergedInto });
	}
	const survivor = byId.get(survivorId)!;
	const ordered = [survivor, ...losers.map((id) => byId.get(id)!)];
	if (ordered.some((r) => r.entityTypeId !== survivor.entityTypeId)) throw new UserError('validation', {}, [{ field: 'from', message: 'merge_other_type' }]);
	const involved = new Set(ordered.map((r) => r.id));
	const badChoice = Object.entries(choices).find(([, id]) => !involved.has(id));
	if (badChoice) throw new UserError('validation', {}, [{ field: `values.${badChoice[0]}`, message: 'merge_choice_unknown' }]);

	const type = (await findEntityTypeById(tx, workspaceId, survivor.entityTypeId))!;
	const fields = await loadFields(tx, type.id);
	const values = mergedValues(fields, survivor, ordered, choices);
	const required = fields.find((f) => f.required && !isColumnField(f.key) && values[f.key] === undefined && ordered.some((r) => !isEmpty(r.values[f.key])));
	if (required) throw new UserError('validation', {}, [{ field: `values.${required.key}`, message: `required:${required.label}` }]);
	let title = choices.title ? byId.get(choices.title)!.title : survivor.title;
	// A contact or lead named by its name fields follows the merged names.
	if (!choices.title && survivor.title === defaultTitle(type.key, survivor.values)) title = defaultTitle(type.key, values) || survivor.title;
	const responsibleId = choices.responsible ? byId.get(choices.responsible)!.responsibleId : (ordered.find((r) => r.responsibleId)?.responsibleId ?? null);
	// Whoever worked a merged record keeps sight of the survivor.
	const observers = [...new Set(ordered.flatMap((r) => [...r.observerIds, ...(r.id !== survivor.id && r.responsibleId ? [r.responsibleId] : [])]))].filter((u) => u !== responsibleId);

	const changed: { key: string; from: unknown; to: unknown }[] = [];
	for (const key of new Set([...Object.keys(survivor.values), ...Object.keys(values)])) {
		if (JSON.stringify(survivor.values[key] ?? null) !== JSON.stringify(values[key] ?? null)) changed.push({ key, from: survivor.values[key] ?? null, to: values[key] ?? null });
	}
	if (title !== survivor.title) changed.push({ key: 'title', from: survivor.title, to: title });
	if (responsibleId !== survivor.responsibleId) changed.push({ key: 'responsible', from: survivor.responsibleId, to: responsibleId });

	await moveLinks(tx, workspaceId, survivor, losers, at);
	const tasks = await tx.select().from(crmTaskRecords).where(inArray(crmTaskRecords.recordId, losers));
	if (tasks.length > 0) await tx.insert(crmTaskRecords).values(tasks.map((t) => ({ taskId: t.taskId, recordId: survivor.id }))).onConflictDoNothing();
	await tx.delete(crmTaskRecords).where(inArray(crmTaskRecords.recordId, losers));
	await tx.update(crmComments).set({ recordId: survivor.id }).where(inArray(crmComments.recordId, losers));
	await tx
		.update(crmTimeline)
		.set({ recordId: survivor.id, originRecordId: sql`coalesce(${crmTimeline.originRecordId}, ${crmTimeline.recordId})` })
		.where(inArray(crmTimeline.recordId, losers));

	const { phones, emails, ...columns } = searchColumns(type.key, fields, title, values);
	await tx.update(crmRecords).set({ title, responsibleId, fieldValues: values, ...columns, updatedAt: at }).where(eq(crmRecords.id, survivor.id));
	await writeSearchRows(tx, { id: survivor.id, workspaceId, entityTypeId: type.id }, { phones, emails });
	await tx.delete(crmRecordObservers).where(eq(crmRecordObservers.recordId, survivor.id));
	if (observers.length > 0) await tx.insert(crmRecordObservers).values(observers.map((userId) => ({ recordId: survivor.id, userId })));

	for (const id of losers) await writeSearchRows(tx, { id, workspaceId, entityTypeId: type.id }, { phones: [], emails: [] });
	await tx.update(crmRecords).set({ mergedInto: survivor.id, dedupName: null, updatedAt: at }).where(inArray(crmRecords.id, losers));
	await closeMergedVisitsTx(tx, losers, at);
	// Records merged earlier into a merged-away one now point at the survivor.
	await tx.update(crmRecords).set({ mergedInto: survivor.id }).where(and(eq(crmRecords.workspaceId, workspaceId), inArray(crmRecords.mergedInto, losers)));

	const labels = new Map(fields.map((f) => [f.key, f.label]));
	await appendTimeline(tx, {
		workspaceId,
		recordId: survivor.id,
		kind: 'merged',
		actorId,
		at,
		payload: { reason, from: losers.map((id) => ({ id, title: byId.get(id)!.title })), changed: changed.map((c) => ({ ...c, label: labels.get(c.key) ?? c.key })) }
	});
	for (const id of losers) {
		await appendTimeline(tx, { workspaceId, recordId: id, kind: 'merged', actorId, at, payload: { reason, into: { id: survivor.id, title } } });
	}
	return { changed: changed.map((c) => c.key) };
}

/** Merges duplicates the person can see; they choose the surviving values field by field. */
export async function mergeRecords(database: Database, scope: WorkspaceScope, survivorId: string, input: MergeInput): Promise<{ changed: string[] }> {
	const data = mergeInputSchema.parse(input);
	return database.write(async (tx) => {
		for (const id of [survivorId, ...data.from]) await requireVisibleRecord(tx, scope, id);
		return mergeRecordsTx(tx, scope.workspaceId, survivorId, data.from, data.values, scope.userId);
	});
}
