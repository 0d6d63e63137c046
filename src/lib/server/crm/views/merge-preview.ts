import type { Database } from '../../db';
import type { WorkspaceScope } from '../../access/scope';
import { UserError } from '../../errors';
import { requireEntityType } from '../entity-types';
import { isColumnField } from '../field-keys';
import { isEmpty } from '../field-values';
import { loadFields } from '../fields';
import { getRecord } from '../records';
import { fieldViews } from './field-views';
import { peopleOf } from './people';
import { recordJson } from './record-json';

/**
 * The merge page: the survivor and the duplicates side by side, one row per
 * field that any of them fills. A single value is chosen (by default the
 * survivor's, or else the first filled one — what the merge keeps when
 * nothing is chosen); a list (phones, e-mails…) is united, nothing to choose.
 */
export async function mergePreview(database: Database, scope: WorkspaceScope, survivorId: string, otherIds: readonly string[]) {
	const others = [...new Set(otherIds)].filter((id) => id !== survivorId);
	if (others.length === 0) throw new UserError('validation', {}, [{ field: 'with', message: 'required' }]);
	const records = [await getRecord(database, scope, survivorId), ...(await Promise.all(others.map((id) => getRecord(database, scope, id))))];
	const survivor = records[0]!;
	if (records.some((r) => r.mergedInto)) throw new UserError('record_merged', { into: records.find((r) => r.mergedInto)!.mergedInto! });
	if (records.some((r) => r.entityTypeId !== survivor.entityTypeId)) throw new UserError('validation', {}, [{ field: 'with', message: 'merge_other_type' }]);
	const type = await requireEntityType(database.db, scope.workspaceId, survivor.type);
	const fields = await loadFields(database.db, type.id);
	const valueOf = (r: (typeof records)[number], key: string): unknown => (key === 'title' ? r.title : key === 'responsible' ? r.responsibleId : r.values[key]);
	const rows = fields
		.filter((f) => f.key !== 'observers' && (!isColumnField(f.key) || f.key === 'title' || f.key === 'responsible'))
		.map((f) => {
			const filledBy = records.filter((r) => !isEmpty(valueOf(r, f.key))).map((r) => r.id);
			const list = f.multiple || f.type === 'multi-enum';
			return { key: f.key, list, filledBy, differ: new Set(records.map((r) => JSON.stringify(valueOf(r, f.key) ?? null))).size > 1, chosen: filledBy.includes(survivor.id) ? survivor.id : (filledBy[0] ?? survivor.id) };
		})
		.filter((row) => row.filledBy.length > 0);
	return { type, fields: fieldViews(fields), records: records.map(recordJson), rows, people: await peopleOf(database, scope) };
}
