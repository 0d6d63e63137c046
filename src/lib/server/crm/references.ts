import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db';
import { crmEntityTypes, crmRecords, memberships } from '../db/schema';
import type { FieldProblem } from '../errors';
import type { FieldDefinition } from './field-definition';

/**
 * Values that name other rows — people in `user` fields, responsible and
 * observers, records in `record-link` fields — must name rows of the same
 * workspace (and a record of the field's target type).
 */

/** The ids among `userIds` that are not members of the workspace. */
export async function notMembers(tx: Tx, workspaceId: string, userIds: Iterable<string>): Promise<Set<string>> {
	const wanted = [...new Set(userIds)];
	if (wanted.length === 0) return new Set();
	const found = await tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, wanted)));
	const known = new Set(found.map((m) => m.userId));
	return new Set(wanted.filter((id) => !known.has(id)));
}

const items = (v: unknown): string[] => (v === null || v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string'));

/** Problems with the `user` and `record-link` values among `values` (only the keys present are checked). */
export async function referenceProblems(tx: Tx, workspaceId: string, fields: readonly FieldDefinition[], values: Record<string, unknown>): Promise<FieldProblem[]> {
	const problems: FieldProblem[] = [];
	const userFields = fields.filter((f) => f.type === 'user' && values[f.key] !== undefined);
	const missingUsers = await notMembers(tx, workspaceId, userFields.flatMap((f) => items(values[f.key])));
	for (const f of userFields) {
		if (items(values[f.key]).some((id) => missingUsers.has(id))) problems.push({ field: `values.${f.key}`, message: `unknown_user:${f.label}` });
	}
	for (const f of fields.filter((f) => f.type === 'record-link' && values[f.key] !== undefined)) {
		const ids = items(values[f.key]);
		if (ids.length === 0) continue;
		const found = await tx
			.select({ id: crmRecords.id, type: crmEntityTypes.key })
			.from(crmRecords)
			.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
			.where(and(eq(crmRecords.workspaceId, workspaceId), inArray(crmRecords.id, ids), isNull(crmRecords.mergedInto)));
		const ok = new Set(found.filter((r) => !f.settings.targetType || r.type === f.settings.targetType).map((r) => r.id));
		if (ids.some((id) => !ok.has(id))) problems.push({ field: `values.${f.key}`, message: `unknown_record:${f.label}` });
	}
	return problems;
}
