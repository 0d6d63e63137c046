import { z } from 'zod';
import type { Database } from '../../db';
import type { WorkspaceScope } from '../../access/scope';
import { RECORD_STATUSES } from '../../db/schema/crm';
import { requireEntityType } from '../entity-types';
import { loadFields } from '../fields';
import { listRecords } from '../record-list';
import { loadRecords } from '../record-read';
import { canSeeRecord } from '../record-scope';
import { fieldViews } from './field-views';
import { peopleOf } from './people';
import { recordJson } from './record-json';
import { listPipelines } from '$lib/server/workflow/pipelines';

/**
 * The records list page: one type's records, filtered, a keyset page at a
 * time, with the columns the person chose. Columns are `stage`, `status`,
 * `responsible`, `updated`, `created` or field keys; the title always shows.
 */
export const listFilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	pipeline: z.string().trim().min(1).max(100).optional().catch(undefined),
	stage: z.string().trim().min(1).max(100).optional().catch(undefined),
	/** A user id, or `me`. */
	responsible: z.string().trim().min(1).max(64).optional().catch(undefined),
	status: z.enum(RECORD_STATUSES).optional().catch(undefined),
	cursor: z.string().max(100).optional().catch(undefined)
});
export type ListFilter = z.output<typeof listFilterSchema>;

export const META_COLUMNS = ['stage', 'status', 'responsible', 'updated', 'created'] as const;

const DEFAULT_COLUMNS: Record<string, string[]> = {
	lead: ['phone', 'email', 'source', 'stage', 'responsible', 'updated'],
	deal: ['amount', 'stage', 'responsible', 'updated'],
	contact: ['phone', 'email', 'post', 'responsible'],
	company: ['phone', 'industry', 'company_type', 'responsible']
};

/** The columns to show: the person's choice (known ones only), else the type's defaults. */
export function chooseColumns(typeKey: string, fieldKeys: readonly string[], chosen: readonly string[] | null): string[] {
	const known = new Set<string>([...META_COLUMNS, ...fieldKeys.filter((k) => k !== 'title' && k !== 'responsible' && k !== 'observers')]);
	const wanted = chosen ?? DEFAULT_COLUMNS[typeKey] ?? ['stage', 'responsible', 'updated'];
	return wanted.filter((c, i) => known.has(c) && wanted.indexOf(c) === i);
}

export async function recordListPage(database: Database, scope: WorkspaceScope, typeKey: string, filter: ListFilter, chosenColumns: readonly string[] | null) {
	const type = await requireEntityType(database.db, scope.workspaceId, typeKey);
	const fields = await loadFields(database.db, type.id);
	const columns = chooseColumns(type.key, fields.map((f) => f.key), chosenColumns);
	const responsibleId = filter.responsible === 'me' ? scope.userId : filter.responsible;
	const pipelines = await listPipelines(database, scope, type.key);
	// A stage filter of the type's only pipeline is that pipeline's: the list index starts with the pipeline.
	const pipeline = filter.pipeline ?? (filter.stage && pipelines.length === 1 ? pipelines[0]!.key : undefined);
	const [page, people] = await Promise.all([
		listRecords(database, scope, { type: type.key, q: filter.q, pipeline, stage: filter.stage, status: filter.status, responsibleId, cursor: filter.cursor, limit: 50 }),
		peopleOf(database, scope)
	]);
	const linkFields = fields.filter((f) => f.type === 'record-link' && columns.includes(f.key));
	const linkIds = page.items.flatMap((r) => linkFields.flatMap((f) => [r.values[f.key]].flat().filter((v): v is string => typeof v === 'string')));
	const linked = await loadRecords(database.db, scope.workspaceId, [...new Set(linkIds)]);
	return {
		type,
		fields: fieldViews(fields),
		columns,
		items: page.items.map(recordJson),
		nextCursor: page.nextCursor,
		people,
		pipelines: pipelines.map((p) => ({ key: p.key, name: p.name, stages: p.stages.map((s) => ({ key: s.key, label: s.label })), finalStatuses: p.finalStatuses.map((s) => ({ status: s.status, label: s.label })) })),
		recordTitles: Object.fromEntries(linked.map((r) => [r.id, canSeeRecord(scope, r) ? r.title : '—']))
	};
}
