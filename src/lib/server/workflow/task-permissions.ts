import { hasRole, type WorkspaceScope } from '../access/scope';

/**
 * Who may do what with a task they can see. The responsible and co-executors do the work
 * (complete it, mark a comment as its result); the creator and owners and managers may
 * complete it too; observers — and everyone else who sees it — only comment.
 */
export interface TaskPeople {
	responsibleId: string | null;
	creatorId: string | null;
	coExecutorIds: readonly string[];
}

/** The responsible or a co-executor. */
export function executesTask(scope: WorkspaceScope, task: TaskPeople): boolean {
	return task.responsibleId === scope.userId || task.coExecutorIds.includes(scope.userId);
}

export function mayCompleteTask(scope: WorkspaceScope, task: TaskPeople): boolean {
	return executesTask(scope, task) || task.creatorId === scope.userId || hasRole(scope, 'owner', 'manager');
}

/** A comment marked as the result counts as the task's result: only who executes the task writes one. */
export function mayMarkTaskResult(scope: WorkspaceScope, task: TaskPeople): boolean {
	return executesTask(scope, task);
}
