import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { crmComments, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import { commentBodySchema } from '../crm/comments';
import type { Reader } from '../crm/db-types';
import { mayMarkTaskResult } from './task-permissions';
import { getTask } from './work-tasks';

/**
 * Comments on a task: everyone on it — creator, responsible, co-executors,
 * observers (that is all observers may do) — and managers comment; the
 * responsible and co-executors may mark one as the task's result, which a
 * «result required» task needs before it is completed.
 */
export const taskCommentSchema = z.object({ body: commentBodySchema, isResult: z.boolean().optional().default(false) });

export interface TaskComment {
	id: string;
	authorId: string | null;
	authorName: string | null;
	body: string;
	isResult: boolean;
	createdAt: Date;
}

export async function addTaskComment(database: Database, scope: WorkspaceScope, taskId: string, input: z.input<typeof taskCommentSchema>): Promise<string> {
	const data = taskCommentSchema.parse(input);
	const task = await getTask(database, scope, taskId);
	if (data.isResult && !mayMarkTaskResult(scope, task)) throw new UserError('forbidden');
	if (data.isResult && task.status !== 'open') throw new UserError('task_closed', { title: task.title });
	const id = newId();
	await database.write((tx) =>
		tx.insert(crmComments).values({ id, workspaceId: scope.workspaceId, taskId, authorId: scope.userId, body: data.body, isResult: data.isResult, createdAt: new Date() })
	);
	return id;
}

const commentColumns = { id: crmComments.id, authorId: crmComments.authorId, authorName: users.name, body: crmComments.body, isResult: crmComments.isResult, createdAt: crmComments.createdAt };

export async function listTaskComments(database: Database, scope: WorkspaceScope, taskId: string): Promise<TaskComment[]> {
	await getTask(database, scope, taskId);
	return database.db
		.select(commentColumns)
		.from(crmComments)
		.leftJoin(users, eq(users.id, crmComments.authorId))
		.where(and(eq(crmComments.workspaceId, scope.workspaceId), eq(crmComments.taskId, taskId)))
		.orderBy(asc(crmComments.createdAt), asc(crmComments.id));
}

/** The comments of several tasks at once, oldest first, by task — for tasks the caller has listed (and so may see). */
export async function commentsOfTasks(db: Reader, workspaceId: string, taskIds: readonly string[]): Promise<Map<string, TaskComment[]>> {
	const out = new Map<string, TaskComment[]>(taskIds.map((id) => [id, []]));
	if (taskIds.length === 0) return out;
	const rows = await db
		.select({ ...commentColumns, taskId: crmComments.taskId })
		.from(crmComments)
		.leftJoin(users, eq(users.id, crmComments.authorId))
		.where(and(eq(crmComments.workspaceId, workspaceId), inArray(crmComments.taskId, [...taskIds])))
		.orderBy(asc(crmComments.createdAt), asc(crmComments.id));
	for (const { taskId, ...comment } of rows) if (taskId) out.get(taskId)?.push(comment);
	return out;
}
