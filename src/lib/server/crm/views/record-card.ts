import type { Database } from '../../db';
import type { WorkspaceScope } from '../../access/scope';
import { findRecordDuplicates } from '../duplicates';
import { listEntityTypes, requireEntityType, type EntityType } from '../entity-types';
import { loadFields } from '../fields';
import { linkRule } from '../link-rules';
import { listLinks, type LinkedRecord } from '../links';
import { listRecords } from '../record-list';
import { loadRecords } from '../record-read';
import { canSeeRecord } from '../record-scope';
import { getRecord } from '../records';
import { listRecordTasks } from '../tasks';
import { listTimeline } from '../timeline';
import { fieldViews } from './field-views';
import { peopleOf } from './people';
import { recordJson } from './record-json';
import { recordWorkflow } from '$lib/server/workflow/moves';
import { pipelineStageFields } from './stage-fields';

/**
 * Everything a record's card shows, read in one place: the record and its
 * type's fields, links grouped by the types it may link to, the newest
 * timeline entries, its tasks, candidate duplicates, the people and linked
 * titles values name, its pipeline with the fields each stage declares, and
 * where the diagram lets it go now.
 */
export const TIMELINE_PAGE = 50;

export interface LinkGroup {
	type: string;
	typeName: string;
	items: LinkedRecord[];
}

export function timelineJson(entries: Awaited<ReturnType<typeof listTimeline>>) {
	return entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }));
}

/** Types a record of `typeKey` may link to, in the workspace's type order. */
export function linkableTypes(types: readonly EntityType[], typeKey: string): EntityType[] {
	return types.filter((t) => linkRule(typeKey, t.key) !== null);
}

export async function recordCard(database: Database, scope: WorkspaceScope, id: string, options: { before?: number } = {}) {
	const record = await getRecord(database, scope, id);
	const [type, types, links, timeline, tasks, duplicates, people, workflow, stages] = await Promise.all([
		requireEntityType(database.db, scope.workspaceId, record.type),
		listEntityTypes(database, scope),
		listLinks(database, scope, id),
		listTimeline(database, scope, id, { limit: TIMELINE_PAGE + 1, before: options.before }),
		listRecordTasks(database, scope, id),
		findRecordDuplicates(database, scope, id),
		peopleOf(database, scope),
		recordWorkflow(database, scope, id),
		record.pipeline ? pipelineStageFields(database.db, scope.workspaceId, record.pipeline) : Promise.resolve([])
	]);
	const fields = await loadFields(database.db, type.id);
	const linkIds = fields.filter((f) => f.type === 'record-link').flatMap((f) => {
		const v = record.values[f.key];
		return (Array.isArray(v) ? v : v ? [v] : []).map(String);
	});
	const linked = await loadRecords(database.db, scope.workspaceId, linkIds);
	const order = ['contact', 'company', 'deal', 'lead'];
	const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
	const groups: LinkGroup[] = linkableTypes(types, type.key)
		.sort((a, b) => rank(a.key) - rank(b.key))
		.map((t) => ({ type: t.key, typeName: t.name, items: links.filter((l) => l.type === t.key) }));
	return {
		record: recordJson(record),
		type,
		fields: fieldViews(fields),
		links: groups,
		timeline: timelineJson(timeline.slice(0, TIMELINE_PAGE)),
		timelineBefore: timeline.length > TIMELINE_PAGE ? timeline[TIMELINE_PAGE - 1]!.id : null,
		tasks: tasks.map((t) => ({ ...t, deadlineAt: t.deadlineAt?.toISOString() ?? null })),
		duplicates: duplicates.filter((d) => d.visible).map((d) => ({ id: d.id, title: d.title ?? '', matchedBy: d.matchedBy })),
		hiddenDuplicates: duplicates.filter((d) => !d.visible).length,
		people,
		recordTitles: Object.fromEntries(linked.map((r) => [r.id, canSeeRecord(scope, r) ? r.title : '—'])),
		workflow,
		stages
	};
}

/** Records of `typeKey` matching `q` that could be linked to the record (not itself, not already linked). */
export async function linkCandidates(database: Database, scope: WorkspaceScope, recordId: string, typeKey: string, q: string) {
	const [page, links] = await Promise.all([listRecords(database, scope, { type: typeKey, q, limit: 10 }), listLinks(database, scope, recordId)]);
	const taken = new Set([recordId, ...links.map((l) => l.id)]);
	return page.items.filter((r) => !taken.has(r.id)).map((r) => ({ id: r.id, title: r.title }));
}
