import { and, asc, count, eq, inArray, isNull, sql, sum } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db';
import { crmRecords, crmTaskRecords, crmTasks } from '../../db/schema';
import type { WorkspaceScope } from '../../access/scope';
import { requireEntityType } from '../entity-types';
import { loadFields } from '../fields';
import { listRecords } from '../record-list';
import { recordVisibility } from '../record-scope';
import { getPipeline } from '$lib/server/workflow/pipelines';
import { fieldViews } from './field-views';
import { peopleOf } from './people';
import { recordJson } from './record-json';

/**
 * A pipeline's kanban: one column per stage with the open records in it,
 * newest change first and at most a column's worth each (the list shows the
 * rest), how many there are and what they add up to, and for every card its
 * next open task. Allowed moves are asked per card when it is picked up.
 */
export const KANBAN_COLUMN = 30;

export const kanbanFilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	/** A user id, or `me`. */
	responsible: z.string().trim().min(1).max(64).optional().catch(undefined)
});
export type KanbanFilter = z.output<typeof kanbanFilterSchema>;

export async function kanbanBoard(database: Database, scope: WorkspaceScope, pipelineKey: string, filter: KanbanFilter) {
	const pipeline = await getPipeline(database, scope, pipelineKey);
	const type = await requireEntityType(database.db, scope.workspaceId, pipeline.entityType);
	const responsibleId = filter.responsible === 'me' ? scope.userId : filter.responsible;
	const columns = await Promise.all(
		pipeline.stages.map((s) => listRecords(database, scope, { type: type.key, pipeline: pipeline.key, stage: s.key, status: 'open', responsibleId, q: filter.q, limit: KANBAN_COLUMN }))
	);
	const totals = await database.db
		.select({ stage: crmRecords.stage, n: count(), amount: sum(crmRecords.amount) })
		.from(crmRecords)
		.where(
			and(
				eq(crmRecords.workspaceId, scope.workspaceId),
				eq(crmRecords.entityTypeId, type.id),
				eq(crmRecords.pipeline, pipeline.key),
				isNull(crmRecords.mergedInto),
				eq(crmRecords.status, 'open'),
				responsibleId ? eq(crmRecords.responsibleId, responsibleId) : undefined,
				recordVisibility(scope)
			)
		)
		.groupBy(crmRecords.stage);
	const ids = columns.flatMap((c) => c.items.map((r) => r.id));
	const tasks = ids.length
		? await database.db
				.select({ recordId: crmTaskRecords.recordId, title: crmTasks.title, deadlineAt: crmTasks.deadlineAt })
				.from(crmTaskRecords)
				.innerJoin(crmTasks, eq(crmTasks.id, crmTaskRecords.taskId))
				.where(and(inArray(crmTaskRecords.recordId, ids), eq(crmTasks.status, 'open')))
				.orderBy(sql`${crmTasks.deadlineAt} is null`, asc(crmTasks.deadlineAt))
		: [];
	const nextTask = new Map<string, { title: string; deadlineAt: string | null }>();
	for (const t of tasks) if (!nextTask.has(t.recordId)) nextTask.set(t.recordId, { title: t.title, deadlineAt: t.deadlineAt?.toISOString() ?? null });
	const now = Date.now();
	return {
		pipeline: { key: pipeline.key, name: pipeline.name, entityType: pipeline.entityType, finalStatuses: pipeline.finalStatuses.map((s) => ({ status: s.status, label: s.label })) },
		type,
		fields: fieldViews(await loadFields(database.db, type.id)),
		columns: pipeline.stages.map((s, i) => {
			const total = totals.find((x) => x.stage === s.key);
			return {
				key: s.key,
				label: s.label,
				count: filter.q ? columns[i]!.items.length : (total?.n ?? 0),
				amount: total?.amount === null || total?.amount === undefined ? 0 : Number(total.amount),
				more: columns[i]!.nextCursor !== null,
				cards: columns[i]!.items.map((r) => {
					const task = nextTask.get(r.id) ?? null;
					return { ...recordJson(r), nextTask: task, overdue: !!task?.deadlineAt && Date.parse(task.deadlineAt) < now };
				})
			};
		}),
		people: await peopleOf(database, scope)
	};
}
