import { z } from 'zod';
import type { Database } from '../../db';
import type { WorkspaceScope } from '../../access/scope';
import { listEntityTypes } from '../entity-types';
import { loadFields } from '../fields';
import { loadRecords } from '../record-read';
import { seesAllRecords } from '../record-scope';
import { listPipelines } from '$lib/server/workflow/pipelines';
import { commentsOfTasks } from '$lib/server/workflow/task-comments';
import { mayCompleteTask, mayMarkTaskResult } from '$lib/server/workflow/task-permissions';
import { listTasks } from '$lib/server/workflow/work-tasks';
import { fieldViews } from './field-views';
import { peopleOf } from './people';
import { recordJson } from './record-json';

/**
 * «Мои задачи»: the person's open tasks (a head of sales: the team's; an
 * observer: the tasks they watch), overdue ones, tasks about a record or of a
 * pipeline; a stage task comes with its stage's fields (as the record's type
 * defines them, with the record's values) and its outcome buttons. Every task
 * shows its comments; who may only comment (observers) gets no completion form.
 */
export const taskFilterSchema = z.object({
	view: z.enum(['mine', 'watching', 'team']).optional().catch(undefined),
	overdue: z.literal('1').optional().catch(undefined),
	done: z.literal('1').optional().catch(undefined),
	record: z.string().trim().min(1).max(64).optional().catch(undefined),
	pipeline: z.string().trim().min(1).max(100).optional().catch(undefined),
	page: z.coerce.number().int().min(0).max(1000).optional().catch(undefined)
});
export type TaskFilter = z.output<typeof taskFilterSchema>;

export const TASK_PAGE = 50;

export async function taskPage(database: Database, scope: WorkspaceScope, filter: TaskFilter) {
	const team = seesAllRecords(scope);
	const view = filter.view === 'team' && team ? 'team' : filter.view === 'watching' ? 'watching' : 'mine';
	const page = filter.page ?? 0;
	const tasks = await listTasks(database, scope, {
		assignee: view === 'team' ? 'all' : view === 'watching' ? 'watching' : 'me',
		status: filter.done ? 'completed' : 'open',
		overdue: filter.overdue === '1' ? true : undefined,
		recordId: filter.record,
		pipeline: filter.pipeline,
		limit: TASK_PAGE + 1,
		offset: page * TASK_PAGE
	});
	const shown = tasks.slice(0, TASK_PAGE);
	const comments = await commentsOfTasks(database.db, scope.workspaceId, shown.map((t) => t.id));
	// Stage tasks show their stage's fields: the records' values and their types' definitions.
	const staged = shown.filter((t) => t.status === 'open' && t.fields.length > 0 && t.records.length > 0);
	const records = await loadRecords(database.db, scope.workspaceId, [...new Set(staged.map((t) => t.records[0]!.id))]);
	const types = await listEntityTypes(database, scope);
	const typeFields = Object.fromEntries(
		await Promise.all(
			[...new Set(records.map((r) => r.type))].map(async (key) => [key, fieldViews(await loadFields(database.db, types.find((t) => t.key === key)!.id))] as const)
		)
	);
	const [pipelines, people] = await Promise.all([listPipelines(database, scope), peopleOf(database, scope)]);
	const about = filter.record ? (await loadRecords(database.db, scope.workspaceId, [filter.record]))[0] : undefined;
	return {
		view,
		canSeeTeam: team,
		tasks: shown.map((t) => ({
			...t,
			deadlineAt: t.deadlineAt?.toISOString() ?? null,
			createdAt: t.createdAt.toISOString(),
			completedAt: t.completedAt?.toISOString() ?? null,
			fields: t.fields.map((f) => f.key),
			canComplete: t.status === 'open' && mayCompleteTask(scope, t),
			canMarkResult: t.status === 'open' && mayMarkTaskResult(scope, t),
			comments: (comments.get(t.id) ?? []).map((c) => ({ id: c.id, authorName: c.authorName, body: c.body, isResult: c.isResult, createdAt: c.createdAt.toISOString() }))
		})),
		hasMore: tasks.length > TASK_PAGE,
		page,
		records: Object.fromEntries(records.map((r) => [r.id, recordJson(r)])),
		typeFields,
		pipelines: pipelines.map((p) => ({ key: p.key, name: p.name })),
		people,
		about: about ? { id: about.id, title: about.title, type: about.type } : null,
		me: scope.userId
	};
}
