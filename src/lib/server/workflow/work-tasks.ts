import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { PotokField } from '$lib/bpmn/potok-extensions';
import type { Database } from '../db';
import { crmComments, crmEntityTypes, crmRecords, crmTaskPeople, crmTaskRecords, crmTasks, engineInstances, engineTasks, recordInstances, users } from '../db/schema';
import type { TaskStatus } from '../db/schema/crm';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import type { Reader } from '../crm/db-types';
import { loadRecord } from '../crm/record-read';
import { seesAllRecords } from '../crm/record-scope';
import { createTask, type TaskCreateInput } from '../crm/tasks';
import { findElement } from './pipeline-model';
import { updateRecordInWorkflowTx } from './record-update';
import { missingStageFields } from './required-fields';
import { mayCompleteTask } from './task-permissions';
import { closeCrmTaskTx, completeEngineTaskTx, requiredFieldsMissing } from './stage-completion';
import { definitionModel } from './versions';
import { completionVariables, type OpenEngineTask } from './workflow-state';
import { runWorkflow, type WorkflowTx } from './workflow-tx';

/**
 * «Мои задачи»: tasks made by hand and by processes. A person sees the tasks
 * they are responsible for, co-execute, observe or created; owners, managers
 * and analysts see the team's. Completing a stage task takes an outcome and
 * the stage's fields (checked like a kanban move) and moves the record on; a
 * task with "result required" needs a result. Observers only comment.
 */

const id = z.string().trim().min(1).max(64);
const flag = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v), z.boolean());

export const taskListSchema = z.object({
	/** `me` (responsible or co-executor), `watching` (the caller observes), `all` (what the caller may see), or a user id (managers). */
	assignee: z.union([z.literal('me'), z.literal('watching'), z.literal('all'), id]).optional().default('me'),
	status: z.enum(['open', 'completed', 'cancelled', 'all']).optional().default('open'),
	overdue: flag.optional(),
	recordId: id.optional(),
	pipeline: z.string().trim().min(1).max(100).optional(),
	limit: z.coerce.number().int().min(1).max(200).optional().default(50),
	offset: z.coerce.number().int().min(0).max(100_000).optional().default(0)
});
export type TaskListQuery = z.input<typeof taskListSchema>;

export const taskCompleteSchema = z.object({
	outcome: z.string().trim().min(1).max(100).optional(),
	fields: z.record(z.string(), z.unknown()).optional(),
	/** The result (a comment marked as the result); required when the task says so. */
	result: z.string().trim().max(20_000, 'too_long').optional()
});
export type TaskCompleteInput = z.input<typeof taskCompleteSchema>;

export interface TaskItem {
	id: string;
	title: string;
	description: string;
	status: TaskStatus;
	creatorId: string | null;
	responsibleId: string | null;
	responsibleName: string | null;
	coExecutorIds: string[];
	observerIds: string[];
	deadlineAt: Date | null;
	overdue: boolean;
	resultRequired: boolean;
	result: string | null;
	createdAt: Date;
	completedAt: Date | null;
	records: { id: string; title: string; type: string; pipeline: string | null; stage: string | null }[];
	/** Set for a process's task: the runtime's task (`instance/token`). */
	engineTaskId: string | null;
	/** For an open stage task: the stage, its outcome buttons and its fields. */
	stage: { key: string; label: string } | null;
	outcomes: { key: string; label: string }[];
	fields: PotokField[];
}

function visibility(scope: WorkspaceScope): SQL | undefined {
	if (seesAllRecords(scope)) return undefined;
	return or(
		eq(crmTasks.responsibleId, scope.userId),
		eq(crmTasks.creatorId, scope.userId),
		sql`exists (select 1 from ${crmTaskPeople} where ${crmTaskPeople.taskId} = ${crmTasks.id} and ${crmTaskPeople.userId} = ${scope.userId})`
	);
}

function assigneeCondition(scope: WorkspaceScope, assignee: string): SQL | undefined {
	if (assignee === 'all') return undefined;
	if (assignee === 'watching') {
		return sql`exists (select 1 from ${crmTaskPeople} where ${crmTaskPeople.taskId} = ${crmTasks.id} and ${crmTaskPeople.userId} = ${scope.userId} and ${crmTaskPeople.role} = 'observer')`;
	}
	const user = assignee === 'me' ? scope.userId : assignee;
	if (user !== scope.userId && !seesAllRecords(scope)) throw new UserError('forbidden');
	return or(
		eq(crmTasks.responsibleId, user),
		sql`exists (select 1 from ${crmTaskPeople} where ${crmTaskPeople.taskId} = ${crmTasks.id} and ${crmTaskPeople.userId} = ${user} and ${crmTaskPeople.role} = 'co_executor')`
	);
}

const taskColumns = {
	id: crmTasks.id,
	title: crmTasks.title,
	description: crmTasks.description,
	status: crmTasks.status,
	creatorId: crmTasks.creatorId,
	responsibleId: crmTasks.responsibleId,
	responsibleName: users.name,
	deadlineAt: crmTasks.deadlineAt,
	resultRequired: crmTasks.resultRequired,
	result: crmTasks.result,
	createdAt: crmTasks.createdAt,
	completedAt: crmTasks.completedAt,
	engineTaskId: crmTasks.engineTaskId
};

type TaskRowOf = { [K in keyof typeof taskColumns]: (typeof taskColumns)[K]['_']['data'] | (K extends 'responsibleName' ? null : never) };

/** Tasks for «Мои задачи» and the tasks API: filters mine / overdue / by record / by pipeline. */
export async function listTasks(database: Database, scope: WorkspaceScope, query: TaskListQuery = {}): Promise<TaskItem[]> {
	const q = taskListSchema.parse(query);
	const now = new Date();
	const conditions: (SQL | undefined)[] = [eq(crmTasks.workspaceId, scope.workspaceId), visibility(scope), assigneeCondition(scope, q.assignee)];
	if (q.status !== 'all') conditions.push(eq(crmTasks.status, q.status));
	if (q.overdue === true) conditions.push(eq(crmTasks.status, 'open'), isNotNull(crmTasks.deadlineAt), lt(crmTasks.deadlineAt, now));
	if (q.recordId) conditions.push(sql`exists (select 1 from ${crmTaskRecords} where ${crmTaskRecords.taskId} = ${crmTasks.id} and ${crmTaskRecords.recordId} = ${q.recordId})`);
	if (q.pipeline) {
		conditions.push(
			sql`exists (select 1 from ${crmTaskRecords} join ${crmRecords} on ${crmRecords.id} = ${crmTaskRecords.recordId} where ${crmTaskRecords.taskId} = ${crmTasks.id} and ${crmRecords.pipeline} = ${q.pipeline})`
		);
	}
	const rows = await database.db
		.select(taskColumns)
		.from(crmTasks)
		.leftJoin(users, eq(users.id, crmTasks.responsibleId))
		.where(and(...conditions))
		.orderBy(sql`${crmTasks.deadlineAt} is null`, asc(crmTasks.deadlineAt), desc(crmTasks.createdAt), asc(crmTasks.id))
		.limit(q.limit)
		.offset(q.offset);
	return describeTasks(database.db, scope.workspaceId, rows as TaskRowOf[], now);
}

async function describeTasks(db: Reader, workspaceId: string, rows: TaskRowOf[], now: Date): Promise<TaskItem[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const people = await db.select().from(crmTaskPeople).where(inArray(crmTaskPeople.taskId, ids));
	const records = await db
		.select({ taskId: crmTaskRecords.taskId, id: crmRecords.id, title: crmRecords.title, type: crmEntityTypes.key, pipeline: crmRecords.pipeline, stage: crmRecords.stage })
		.from(crmTaskRecords)
		.innerJoin(crmRecords, eq(crmRecords.id, crmTaskRecords.recordId))
		.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
		.where(inArray(crmTaskRecords.taskId, ids));
	const stages = await stageInfo(db, workspaceId, rows.filter((r) => r.status === 'open' && r.engineTaskId).map((r) => r.engineTaskId!));
	return rows.map((r) => {
		const stage = r.engineTaskId ? stages.get(r.engineTaskId) : undefined;
		return {
			...r,
			coExecutorIds: people.filter((p) => p.taskId === r.id && p.role === 'co_executor').map((p) => p.userId),
			observerIds: people.filter((p) => p.taskId === r.id && p.role === 'observer').map((p) => p.userId),
			overdue: r.status === 'open' && r.deadlineAt !== null && r.deadlineAt.getTime() < now.getTime(),
			records: records.filter((x) => x.taskId === r.id).map(({ taskId: _, ...x }) => x),
			stage: stage?.stage ?? null,
			outcomes: stage?.outcomes ?? [],
			fields: stage?.fields ?? []
		};
	});
}

/** Stage, outcomes and fields of open engine tasks, from the definitions their instances run. */
async function stageInfo(db: Reader, workspaceId: string, engineTaskIds: string[]) {
	const out = new Map<string, { stage: TaskItem['stage']; outcomes: TaskItem['outcomes']; fields: PotokField[] }>();
	if (engineTaskIds.length === 0) return out;
	const rows = await db
		.select({ id: engineTasks.id, elementId: engineTasks.elementId, definitionKey: engineInstances.definitionKey })
		.from(engineTasks)
		.innerJoin(engineInstances, eq(engineInstances.id, engineTasks.instanceId))
		.where(and(eq(engineTasks.tenant, workspaceId), inArray(engineTasks.id, engineTaskIds)));
	const models = new Map<string, Awaited<ReturnType<typeof definitionModel>>>();
	for (const row of rows) {
		if (!models.has(row.definitionKey)) models.set(row.definitionKey, await definitionModel(db, workspaceId, row.definitionKey));
		const element = models.get(row.definitionKey) && findElement(models.get(row.definitionKey)!, row.elementId);
		if (!element) continue;
		const potok = element.potok;
		out.set(row.id, {
			stage: potok?.stage ? { key: potok.stage.key ?? element.id, label: potok.stage.label ?? element.name ?? element.id } : null,
			outcomes: (potok?.outcomes ?? []).map((o) => ({ key: o.key, label: o.label ?? o.key })),
			fields: potok?.fields ?? []
		});
	}
	return out;
}

async function loadTask(db: Reader, scope: WorkspaceScope, taskId: string): Promise<TaskItem> {
	const rows = await db
		.select(taskColumns)
		.from(crmTasks)
		.leftJoin(users, eq(users.id, crmTasks.responsibleId))
		.where(and(eq(crmTasks.workspaceId, scope.workspaceId), eq(crmTasks.id, taskId), visibility(scope)));
	const [task] = await describeTasks(db, scope.workspaceId, rows as TaskRowOf[], new Date());
	if (!task) throw new UserError('not_found', { task: taskId });
	return task;
}

/** One task the person may see (its stage form included when it is an open stage task). */
export async function getTask(database: Database, scope: WorkspaceScope, taskId: string): Promise<TaskItem> {
	return loadTask(database.db, scope, taskId);
}

/** A task made by hand; the records it is about must be visible to the person. */
export async function createTaskAsPerson(database: Database, scope: WorkspaceScope, input: TaskCreateInput): Promise<TaskItem> {
	const { engineTaskId: _, ...rest } = input;
	const taskId = await createTask(database, scope, rest);
	return loadTask(database.db, scope, taskId);
}

/** The runtime's open task a CRM task stands for, with the record its process drives. */
async function engineTaskOf(w: WorkflowTx, engineTaskId: string) {
	const [row] = await w.tx
		.select({ id: engineTasks.id, instanceId: engineTasks.instanceId, tokenId: engineTasks.tokenId, elementId: engineTasks.elementId, stage: engineTasks.stage, definitionKey: engineInstances.definitionKey, state: engineInstances.state })
		.from(engineTasks)
		.innerJoin(engineInstances, eq(engineInstances.id, engineTasks.instanceId))
		.where(and(eq(engineTasks.tenant, w.workspaceId), eq(engineTasks.id, engineTaskId)));
	if (!row) return null;
	const model = await definitionModel(w.tx, w.workspaceId, row.definitionKey);
	const element = model && findElement(model, row.elementId);
	if (!element) throw new Error(`Expected element ${row.elementId} in ${row.definitionKey}, but it is not there`);
	const [link] = await w.tx.select({ recordId: recordInstances.recordId }).from(recordInstances).where(eq(recordInstances.instanceId, row.instanceId));
	const task: OpenEngineTask = { id: row.id, instanceId: row.instanceId, tokenId: row.tokenId, element, stage: row.stage };
	const vars = (JSON.parse(row.state) as { tokens: { p: number; v?: Record<string, unknown> }[] }).tokens.find((t) => t.p === 0)?.v ?? {};
	return { task, recordId: link?.recordId ?? null, vars };
}

/**
 * Completes a task as the person in `scope`: 409 when it is closed already,
 * 422 when the result, the outcome or the stage's required fields are
 * missing. A stage task's fields are saved to the record and its process
 * moves on with the outcome.
 */
export async function completeTaskAsPerson(database: Database, scope: WorkspaceScope, taskId: string, input: TaskCompleteInput): Promise<TaskItem> {
	const data = taskCompleteSchema.parse(input);
	await runWorkflow(database, scope.workspaceId, async (w) => {
		const task = await loadTask(w.tx, scope, taskId);
		if (!mayCompleteTask(scope, task)) throw new UserError('forbidden');
		if (task.status !== 'open') throw new UserError('task_closed', { title: task.title });
		const result = data.result || undefined;
		if (task.resultRequired && !result) {
			const [earlier] = await w.tx.select({ id: crmComments.id }).from(crmComments).where(and(eq(crmComments.taskId, task.id), eq(crmComments.isResult, true)));
			if (!earlier) throw new UserError('result_required', {}, [{ field: 'result', message: 'required' }]);
		}
		const actor = { workspaceId: w.workspaceId, userId: scope.userId };
		const crmTask = { id: task.id, title: task.title, status: task.status, resultRequired: task.resultRequired, engineTaskId: task.engineTaskId, responsibleId: task.responsibleId };
		const engine = task.engineTaskId ? await engineTaskOf(w, task.engineTaskId) : null;
		if (task.engineTaskId && !engine) throw new UserError('task_closed', { title: task.title });
		const recordId = engine?.recordId ?? (task.records.length === 1 ? task.records[0]!.id : null);
		if (data.fields && Object.keys(data.fields).length > 0) {
			if (!recordId) throw new UserError('validation', {}, [{ field: 'fields', message: 'invalid:the task is about no single record' }]);
			await updateRecordInWorkflowTx(w, actor, recordId, { values: data.fields });
		}
		if (!engine) {
			await closeCrmTaskTx(w, crmTask, scope.userId, { outcome: data.outcome, result });
			return;
		}
		const outcomes = engine.task.element.potok?.outcomes ?? [];
		if (outcomes.length > 0 && !data.outcome) throw new UserError('validation', {}, [{ field: 'outcome', message: 'required' }]);
		if (data.outcome && outcomes.length > 0 && !outcomes.some((o) => o.key === data.outcome)) {
			throw new UserError('validation', {}, [{ field: 'outcome', message: `outcome_unknown:${data.outcome}` }]);
		}
		const record = recordId ? await loadRecord(w.tx, w.workspaceId, recordId) : null;
		if (record) {
			const vars = { ...engine.vars, ...completionVariables(engine.task.element, record), ...(data.outcome ? { outcome: data.outcome } : {}) };
			const missing = missingStageFields(engine.task.element.potok?.fields ?? [], record.values, vars);
			if (missing.length > 0) throw await requiredFieldsMissing(w, record, missing);
		}
		await closeCrmTaskTx(w, crmTask, scope.userId, { outcome: data.outcome, result });
		if (record) await completeEngineTaskTx(w, engine.task, record, data.outcome, scope.userId);
		else await w.engine.completeTask({ instanceId: engine.task.instanceId, tokenId: engine.task.tokenId, ...(data.outcome ? { outcome: data.outcome } : {}), variables: { result: result ?? null } }, scope.userId);
	});
	return loadTask(database.db, scope, taskId);
}
