import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { crmRecords, crmTaskPeople, crmTaskRecords, crmTasks } from '../db/schema';
import type { TaskStatus } from '../db/schema/crm';
import type { WorkspaceScope } from '../access/scope';
import { UserError, type FieldProblem } from '../errors';
import { newId } from '../ids';
import type { Reader } from './db-types';
import { requireVisibleRecord } from './record-read';
import type { CrmActor } from './actor';
import { notMembers } from './references';
import { appendTimeline } from './timeline';

/**
 * Tasks, made by hand or by a process (`engineTaskId` then names the
 * engine's user task): creator, responsible, co-executors (same rights as
 * the responsible), observers (comment only), a deadline, "result required",
 * and the records they are about. Open tasks per person are the load that
 * least-loaded assignment compares.
 */

const userId = z.string().trim().min(1).max(64);

export const taskCreateSchema = z.object({
	title: z.string().trim().min(1, 'required').max(500, 'too_long'),
	description: z.string().trim().max(20_000, 'too_long').optional().default(''),
	/** Omitted: the creator. */
	responsibleId: userId.nullable().optional(),
	coExecutorIds: z.array(userId).max(50).optional().default([]),
	observerIds: z.array(userId).max(50).optional().default([]),
	deadline: z.coerce.date().nullable().optional(),
	resultRequired: z.boolean().optional().default(false),
	recordIds: z.array(z.string().trim().min(1).max(64)).max(50).optional().default([]),
	engineTaskId: z.string().trim().min(1).max(200).nullable().optional()
});
export type TaskCreateInput = z.input<typeof taskCreateSchema>;

export async function createTaskTx(tx: Tx, actor: CrmActor, input: TaskCreateInput, at = new Date()): Promise<string> {
	const data = taskCreateSchema.parse(input);
	const responsibleId = data.responsibleId === undefined ? actor.userId : data.responsibleId;
	const coExecutors = [...new Set(data.coExecutorIds)].filter((u) => u !== responsibleId);
	const observers = [...new Set(data.observerIds)];
	const recordIds = [...new Set(data.recordIds)];
	const problems: FieldProblem[] = [];
	const missing = await notMembers(tx, actor.workspaceId, [...(responsibleId ? [responsibleId] : []), ...coExecutors, ...observers]);
	if (responsibleId && missing.has(responsibleId)) problems.push({ field: 'responsibleId', message: 'unknown_user' });
	if (coExecutors.some((u) => missing.has(u))) problems.push({ field: 'coExecutorIds', message: 'unknown_user' });
	if (observers.some((u) => missing.has(u))) problems.push({ field: 'observerIds', message: 'unknown_user' });
	const records = recordIds.length
		? await tx.select({ id: crmRecords.id }).from(crmRecords).where(and(eq(crmRecords.workspaceId, actor.workspaceId), inArray(crmRecords.id, recordIds), isNull(crmRecords.mergedInto)))
		: [];
	if (records.length !== recordIds.length) problems.push({ field: 'recordIds', message: 'unknown_record' });
	if (problems.length > 0) throw new UserError('validation', {}, problems);

	const id = newId();
	await tx.insert(crmTasks).values({
		id,
		workspaceId: actor.workspaceId,
		title: data.title,
		description: data.description,
		creatorId: actor.userId,
		responsibleId,
		deadlineAt: data.deadline ?? null,
		resultRequired: data.resultRequired,
		engineTaskId: data.engineTaskId ?? null,
		createdAt: at
	});
	const people = [...coExecutors.map((u) => ({ taskId: id, userId: u, role: 'co_executor' as const })), ...observers.map((u) => ({ taskId: id, userId: u, role: 'observer' as const }))];
	if (people.length > 0) await tx.insert(crmTaskPeople).values(people);
	if (recordIds.length > 0) await tx.insert(crmTaskRecords).values(recordIds.map((recordId) => ({ taskId: id, recordId })));
	for (const recordId of recordIds) {
		await appendTimeline(tx, {
			workspaceId: actor.workspaceId,
			recordId,
			kind: 'task',
			actorId: actor.userId,
			payload: { taskId: id, event: 'created', title: data.title, responsibleId, deadline: data.deadline?.toISOString() ?? null },
			at
		});
	}
	return id;
}

/** Creates a task by hand; the records it is about must be visible to the person. */
export async function createTask(database: Database, scope: WorkspaceScope, input: TaskCreateInput): Promise<string> {
	const data = taskCreateSchema.parse(input);
	return database.write(async (tx) => {
		for (const recordId of data.recordIds) await requireVisibleRecord(tx, scope, recordId);
		return createTaskTx(tx, { workspaceId: scope.workspaceId, userId: scope.userId }, data);
	});
}

/** Open tasks per person (as responsible) — every id of `userIds` is in the map, with 0 when they have none. */
export async function countOpenTasks(db: Reader, workspaceId: string, userIds: readonly string[]): Promise<Map<string, number>> {
	const counts = new Map(userIds.map((u) => [u, 0]));
	if (userIds.length === 0) return counts;
	const rows = await db
		.select({ userId: crmTasks.responsibleId, n: sql<number>`count(*)` })
		.from(crmTasks)
		.where(and(eq(crmTasks.workspaceId, workspaceId), eq(crmTasks.status, 'open'), inArray(crmTasks.responsibleId, [...userIds])))
		.groupBy(crmTasks.responsibleId);
	for (const r of rows) if (r.userId) counts.set(r.userId, r.n);
	return counts;
}

export interface RecordTask {
	id: string;
	title: string;
	status: TaskStatus;
	responsibleId: string | null;
	deadlineAt: Date | null;
}

/** The tasks about a record, oldest first. */
export async function listRecordTasks(database: Database, scope: WorkspaceScope, recordId: string): Promise<RecordTask[]> {
	await requireVisibleRecord(database.db, scope, recordId);
	return database.db
		.select({ id: crmTasks.id, title: crmTasks.title, status: crmTasks.status, responsibleId: crmTasks.responsibleId, deadlineAt: crmTasks.deadlineAt })
		.from(crmTaskRecords)
		.innerJoin(crmTasks, eq(crmTasks.id, crmTaskRecords.taskId))
		.where(eq(crmTaskRecords.recordId, recordId))
		.orderBy(asc(crmTasks.createdAt), asc(crmTasks.id));
}
