import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { crmComments, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import { commentBodySchema } from '../crm/comments';
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
	const executes = task.responsibleId === scope.userId || task.coExecutorIds.includes(scope.userId);
	if (data.isResult && !executes) throw new UserError('forbidden');
	if (data.isResult && task.status !== 'open') throw new UserError('task_closed', { title: task.title });
	const id = newId();
	await database.write((tx) =>
		tx.insert(crmComments).values({ id, workspaceId: scope.workspaceId, taskId, authorId: scope.userId, body: data.body, isResult: data.isResult, createdAt: new Date() })
	);
	return id;
}

export async function listTaskComments(database: Database, scope: WorkspaceScope, taskId: string): Promise<TaskComment[]> {
	await getTask(database, scope, taskId);
	return database.db
		.select({ id: crmComments.id, authorId: crmComments.authorId, authorName: users.name, body: crmComments.body, isResult: crmComments.isResult, createdAt: crmComments.createdAt })
		.from(crmComments)
		.leftJoin(users, eq(users.id, crmComments.authorId))
		.where(and(eq(crmComments.workspaceId, scope.workspaceId), eq(crmComments.taskId, taskId)))
		.orderBy(asc(crmComments.createdAt), asc(crmComments.id));
}
