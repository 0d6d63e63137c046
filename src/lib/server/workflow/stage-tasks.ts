import { and, eq } from 'drizzle-orm';
import type { ElementModel } from '$lib/bpmn/process-model';
import type { VariableSource } from '$lib/engine/expression';
import type { TaskRow } from '$lib/engine/store';
import { crmRecordObservers, crmRecords, crmTaskRecords, crmTasks } from '../db/schema';
import { recordAssignmentTx } from '../crm/assignment';
import type { CrmRecord } from '../crm/record-read';
import { notMembers } from '../crm/references';
import { createTaskTx } from '../crm/tasks';
import { appendTimeline } from '../crm/timeline';
import { chooseTaskAssignee, distributes } from './task-assignment';
import type { WorkflowTx } from './workflow-tx';

/**
 * The CRM side of the runtime's user tasks: when a task opens, a CRM task is
 * created for its assignee (deadline and "result required" from `potok:task`),
 * about the record the instance drives; when the runtime closes it some other
 * way (a timer, a cancelled instance), the CRM task is cancelled.
 */

export async function openStageTask(
	w: WorkflowTx,
	row: TaskRow,
	element: ElementModel | undefined,
	record: CrmRecord | null,
	main: boolean,
	vars: VariableSource,
	at: Date
): Promise<string> {
	const { tx, workspaceId } = w;
	const rule = element?.potok?.assignment;
	const assignee = await chooseTaskAssignee(tx, workspaceId, rule, record, vars);
	// a responsible who has left the workspace cannot take the task: it stays unassigned, for a manager to hand out
	if (assignee.userId && (await notMembers(tx, workspaceId, [assignee.userId])).size > 0) assignee.userId = null;
	const title = element?.name ?? element?.potok?.stage?.label ?? row.name ?? row.elementId;
	const taskId = await createTaskTx(
		tx,
		{ workspaceId, userId: null },
		{
			title,
			responsibleId: assignee.userId,
			deadline: row.dueAt !== undefined ? new Date(row.dueAt) : null,
			resultRequired: element?.potok?.task?.resultRequired === true,
			recordIds: record ? [record.id] : [],
			engineTaskId: row.id
		},
		at
	);
	if (!record) return taskId;
	const takesRecord = main && assignee.userId !== null && assignee.userId !== record.responsibleId && (record.responsibleId === null || distributes(rule));
	if (assignee.choice) {
		await recordAssignmentTx(tx, { workspaceId, userId: null }, record.id, assignee.choice, { taskId, element: row.elementId, previousResponsibleId: record.responsibleId, record: takesRecord }, at);
	}
	if (takesRecord) {
		await tx.update(crmRecords).set({ responsibleId: assignee.userId, updatedAt: at }).where(eq(crmRecords.id, record.id));
		await tx.delete(crmRecordObservers).where(and(eq(crmRecordObservers.recordId, record.id), eq(crmRecordObservers.userId, assignee.userId!)));
	} else if (assignee.userId && assignee.userId !== record.responsibleId && !record.observerIds.includes(assignee.userId)) {
		// The assignee must be able to open the card their task is about.
		await tx.insert(crmRecordObservers).values({ recordId: record.id, userId: assignee.userId }).onConflictDoNothing();
	}
	return taskId;
}

/** The runtime closed a task without a person completing it: the CRM task is cancelled. */
export async function cancelStageTask(w: WorkflowTx, engineTaskId: string, at: Date): Promise<void> {
	const [task] = await w.tx
		.select({ id: crmTasks.id, title: crmTasks.title })
		.from(crmTasks)
		.where(and(eq(crmTasks.workspaceId, w.workspaceId), eq(crmTasks.engineTaskId, engineTaskId), eq(crmTasks.status, 'open')));
	if (!task) return;
	await w.tx.update(crmTasks).set({ status: 'cancelled', completedAt: at }).where(eq(crmTasks.id, task.id));
	const records = await w.tx.select({ recordId: crmTaskRecords.recordId }).from(crmTaskRecords).where(eq(crmTaskRecords.taskId, task.id));
	for (const { recordId } of records) {
		await appendTimeline(w.tx, { workspaceId: w.workspaceId, recordId, kind: 'task', actorId: null, payload: { taskId: task.id, event: 'cancelled', title: task.title }, at });
	}
}

/**
 * The runtime moved an open task's deadline (its `potok:task due` reads a field that changed):
 * the open CRM task follows.
 */
export async function moveStageTaskDeadline(w: WorkflowTx, row: TaskRow): Promise<void> {
	const deadline = row.dueAt !== undefined ? new Date(row.dueAt) : null;
	await w.tx
		.update(crmTasks)
		.set({ deadlineAt: deadline })
		.where(and(eq(crmTasks.workspaceId, w.workspaceId), eq(crmTasks.engineTaskId, row.id), eq(crmTasks.status, 'open')));
}

/** Whether a CRM task exists for an engine task already. */
export async function hasStageTask(w: WorkflowTx, engineTaskId: string): Promise<boolean> {
	const [task] = await w.tx
		.select({ id: crmTasks.id })
		.from(crmTasks)
		.where(and(eq(crmTasks.workspaceId, w.workspaceId), eq(crmTasks.engineTaskId, engineTaskId)));
	return task !== undefined;
}
