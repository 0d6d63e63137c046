import { and, eq } from 'drizzle-orm';
import { CommandError } from '$lib/engine';
import { crmComments, crmTaskRecords, crmTasks } from '../db/schema';
import { UserError } from '../errors';
import { newId } from '../ids';
import { loadFields } from '../crm/fields';
import type { CrmRecord } from '../crm/record-read';
import { appendTimeline } from '../crm/timeline';
import type { OpenEngineTask } from './workflow-state';
import { completionVariables } from './workflow-state';
import type { WorkflowTx } from './workflow-tx';

/** `required_fields_missing` naming each field by key (details) and label (message). */
export async function requiredFieldsMissing(w: WorkflowTx, record: CrmRecord, keys: readonly string[]): Promise<UserError> {
	const fields = await loadFields(w.tx, record.entityTypeId);
	const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
	return new UserError('required_fields_missing', { fields: keys.map(label).join(', ') }, keys.map((key) => ({ field: key, message: `required:${label(key)}` })));
}

export interface CrmTaskRow {
	id: string;
	title: string;
	status: string;
	resultRequired: boolean;
	engineTaskId: string | null;
	responsibleId: string | null;
}

/**
 * Closes a CRM task as done by `actorId` (with its result as a result comment)
 * and writes `task completed` on the records it is about.
 */
export async function closeCrmTaskTx(w: WorkflowTx, task: CrmTaskRow, actorId: string | null, extra: { outcome?: string; result?: string }): Promise<void> {
	if (task.status !== 'open') throw new UserError('task_closed', { title: task.title });
	const at = w.now();
	await w.tx.update(crmTasks).set({ status: 'completed', completedAt: at, completedBy: actorId, result: extra.result ?? null }).where(eq(crmTasks.id, task.id));
	if (extra.result) {
		await w.tx.insert(crmComments).values({ id: newId(), workspaceId: w.workspaceId, taskId: task.id, authorId: actorId, body: extra.result, isResult: true, createdAt: at });
	}
	const records = await w.tx.select({ recordId: crmTaskRecords.recordId }).from(crmTaskRecords).where(eq(crmTaskRecords.taskId, task.id));
	for (const { recordId } of records) {
		await appendTimeline(w.tx, {
			workspaceId: w.workspaceId,
			recordId,
			kind: 'task',
			actorId,
			payload: { taskId: task.id, event: 'completed', title: task.title, outcome: extra.outcome ?? null, result: extra.result ?? null },
			at
		});
	}
}

/** The CRM task of an engine task. */
export async function crmTaskOf(w: WorkflowTx, engineTaskId: string): Promise<CrmTaskRow | null> {
	const [row] = await w.tx
		.select({ id: crmTasks.id, title: crmTasks.title, status: crmTasks.status, resultRequired: crmTasks.resultRequired, engineTaskId: crmTasks.engineTaskId, responsibleId: crmTasks.responsibleId })
		.from(crmTasks)
		.where(and(eq(crmTasks.workspaceId, w.workspaceId), eq(crmTasks.engineTaskId, engineTaskId)));
	return row ?? null;
}

/**
 * Completes the runtime's task of a stage with an outcome, the record's
 * current values handed over (the caller has checked the stage's rules and
 * saved the fields); the runtime moves the record on. Refusals of the
 * runtime become user errors.
 */
export async function completeEngineTaskTx(w: WorkflowTx, task: OpenEngineTask, record: CrmRecord, outcome: string | undefined, actorId: string | null): Promise<void> {
	try {
		await w.engine.completeTask({ instanceId: task.instanceId, tokenId: task.tokenId, ...(outcome ? { outcome } : {}), variables: completionVariables(task.element, record) }, actorId ?? undefined);
	} catch (error) {
		if (!(error instanceof CommandError)) throw error;
		switch (error.code) {
			case 'missing-field': {
				const key = /the field (\S+) is required/.exec(error.message)?.[1];
				throw key ? await requiredFieldsMissing(w, record, [key]) : new UserError('result_required');
			}
			case 'invalid-outcome':
				throw new UserError('validation', {}, [{ field: 'outcome', message: `outcome_unknown:${outcome ?? ''}` }]);
			case 'task-already-completed':
			case 'task-not-found':
				throw new UserError('task_closed', { title: task.element.name ?? task.element.id });
			default:
				throw new UserError('conflict', {}, [{ field: 'task', message: `invalid:${error.message}` }]);
		}
	}
}
