import type { Transaction } from '@libsql/client';
import { and, eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import type { ElementModel, ProcessModel } from '$lib/bpmn/process-model';
import { ExpressionError, type VariableSource } from '$lib/engine/expression';
import type { InstanceRow, JobRow, StoreChanges } from '$lib/engine/store';
import type { RecordInput } from '$lib/engine/records';
import { engineInstances, engineJobs, recordInstances } from '../db/schema';
import type { AfterApply } from '../engine-store/libsql-store';
import { UserError } from '../errors';
import { loadRecord, type CrmRecord } from '../crm/record-read';
import { setRecordInstanceTx, setRecordStageTx } from '../crm/records';
import { appendTimeline } from '../crm/timeline';
import { findElement } from './pipeline-model';
import { feelRecord } from './record-snapshot';
import { internalRobot } from './robots';
import { RobotFailure, type Robot } from './robots/robot';
import { cancelStageTask, hasStageTask, moveStageTaskDeadline, openStageTask } from './stage-tasks';
import { definitionModel, versionByDefinition } from './versions';
import { workflowOn, type WorkflowTx } from './workflow-tx';

/**
 * The bridge from the runtime to the CRM, run at the end of every engine
 * command in its transaction (so nothing is half-applied):
 * - a new instance started for a record (`recordId` variable) is mapped to it;
 *   the record's own pipeline instance (`pipeline` variable) becomes its
 *   `instanceId`;
 * - `stage.entered` sets the record's stage, `status.set` its final status
 *   (timeline `stage_changed`, `status_changed`);
 * - each user task that opens gets a CRM task for its assignee; a task the
 *   runtime closes otherwise is cancelled; a deadline it moves, moves;
 * - robots that only touch the database run now, each followed by the
 *   command that completes (or, when it fails, stops with an incident) its job;
 * - incidents and failed robot attempts are written to the record's timeline.
 */
export const workflowAfterApply: AfterApply = async (sql, changes, tenant, database) => {
	await consume(workflowOn(database, sql, tenant), changes);
};

/** Nested robot commands per transaction: a chain longer than this stops with an incident. */
const depth = new WeakMap<Transaction, number>();
const MAX_DEPTH = 64;

interface InstanceContext {
	recordId: string | null;
	main: boolean;
	model: ProcessModel | null;
	vars: Record<string, unknown>;
}

class Contexts {
	readonly #byInstance = new Map<string, InstanceContext>();
	readonly #models = new Map<string, ProcessModel | null>();

	constructor(
		readonly w: WorkflowTx,
		readonly rows: Map<string, InstanceRow>
	) {}

	async of(instanceId: string): Promise<InstanceContext> {
		const known = this.#byInstance.get(instanceId);
		if (known) return known;
		const { tx, workspaceId } = this.w;
		const [link] = await tx.select().from(recordInstances).where(and(eq(recordInstances.instanceId, instanceId), eq(recordInstances.workspaceId, workspaceId)));
		let row = this.rows.get(instanceId);
		if (!row) {
			const [stored] = await tx.select({ definitionKey: engineInstances.definitionKey, state: engineInstances.state }).from(engineInstances).where(eq(engineInstances.id, instanceId));
			if (stored) row = { id: instanceId, definitionKey: stored.definitionKey, version: 0, status: 'active', state: JSON.parse(stored.state) };
		}
		const key = row?.definitionKey;
		if (key && !this.#models.has(key)) this.#models.set(key, await definitionModel(tx, workspaceId, key));
		const context: InstanceContext = {
			recordId: link?.recordId ?? null,
			main: link?.main ?? false,
			model: key ? (this.#models.get(key) ?? null) : null,
			vars: row?.state.tokens.find((t) => t.p === 0)?.v ?? {}
		};
		this.#byInstance.set(instanceId, context);
		return context;
	}

	async record(context: InstanceContext): Promise<CrmRecord | null> {
		if (!context.recordId) return null;
		const record = await loadRecord(this.w.tx, this.w.workspaceId, context.recordId);
		return record && !record.mergedInto ? record : null;
	}
}

function variables(vars: Record<string, unknown>, record: CrmRecord | null): VariableSource {
	const all: Record<string, unknown> = { ...vars, ...(record ? { record: feelRecord(record) } : {}) };
	return { get: (name) => all[name], toObject: () => all };
}

async function mapInstance(w: WorkflowTx, row: InstanceRow): Promise<void> {
	const vars = row.state.tokens.find((t) => t.p === 0)?.v ?? {};
	let recordId = typeof vars.recordId === 'string' ? vars.recordId : null;
	// a called process runs for the record too, but never as its pipeline
	let main = typeof vars.pipeline === 'string' && !row.state.parent;
	if (!recordId && row.state.parent) {
		const [parent] = await w.tx.select().from(recordInstances).where(eq(recordInstances.instanceId, row.state.parent.instance));
		recordId = parent?.recordId ?? null;
		main = false;
	}
	if (!recordId) return;
	const version = await versionByDefinition(w.tx, w.workspaceId, row.definitionKey);
	const record = await loadRecord(w.tx, w.workspaceId, recordId);
	if (!version || !record) return;
	await w.tx.insert(recordInstances).values({ instanceId: row.id, workspaceId: w.workspaceId, recordId, versionId: version.id, main, createdAt: w.now() }).onConflictDoNothing();
	if (main) await setRecordInstanceTx(w.tx, w.workspaceId, recordId, row.id);
}

async function consume(w: WorkflowTx, changes: StoreChanges): Promise<void> {
	const created = changes.instances.filter((c) => c.expectedVersion === 0).map((c) => c.row);
	if (created.length === 0 && changes.records.length === 0 && changes.tasks.put.length === 0 && changes.tasks.remove.length === 0 && changes.jobs.put.length === 0) return;
	for (const row of created) await mapInstance(w, row);
	const contexts = new Contexts(w, new Map(changes.instances.map((c) => [c.row.id, c.row])));
	for (const record of changes.records) await onRecord(w, contexts, record);
	for (const id of changes.tasks.remove) await cancelStageTask(w, id, w.now());
	for (const row of changes.tasks.put) {
		if (await hasStageTask(w, row.id)) {
			// an open task written again: its deadline moved
			await moveStageTaskDeadline(w, row);
			continue;
		}
		const context = await contexts.of(row.instanceId);
		const record = await contexts.record(context);
		const element = context.model ? findElement(context.model, row.elementId) : undefined;
		await openStageTask(w, row, element, record, context.main, variables(context.vars, record), new Date(row.createdAt));
	}
	for (const job of changes.jobs.put) {
		const robot = internalRobot(job.type);
		if (robot) await runRobot(w, contexts, job, robot);
	}
}

async function onRecord(w: WorkflowTx, contexts: Contexts, event: RecordInput): Promise<void> {
	const relevant = ['stage.entered', 'status.set', 'incident.created', 'incident.resolved', 'job.failed', 'element.completed'];
	if (!relevant.includes(event.event)) return;
	const context = await contexts.of(event.instance);
	if (!context.recordId) return;
	const record = await contexts.record(context);
	if (!record) return;
	const at = new Date(event.at);
	const actor = { workspaceId: w.workspaceId, userId: event.actor ?? null };
	const base = { workspaceId: w.workspaceId, recordId: record.id, actorId: null, at };
	const element = (id?: string): ElementModel | undefined => (id && context.model ? findElement(context.model, id) : undefined);
	switch (event.event) {
		case 'stage.entered':
			if (context.main && event.stage) await setRecordStageTx(w.tx, actor, record.id, { stage: event.stage }, at);
			return;
		case 'status.set':
			if (context.main && event.status) await setRecordStageTx(w.tx, actor, record.id, { status: event.status as CrmRecord['status'] }, at);
			return;
		case 'incident.created':
		case 'incident.resolved':
			await appendTimeline(w.tx, {
				...base,
				kind: 'incident',
				payload: { event: event.event === 'incident.created' ? 'created' : 'resolved', element: event.element ?? null, name: element(event.element)?.name ?? null, message: event.message ?? null, instanceId: event.instance, token: event.token ?? null }
			});
			return;
		case 'job.failed':
			await appendTimeline(w.tx, { ...base, kind: 'robot', payload: { element: event.element ?? null, name: element(event.element)?.name ?? null, error: event.message ?? null } });
			return;
		case 'element.completed': {
			// robots that ran after the commit (internal ones write their own entry)
			const robot = element(event.element)?.potok?.robot;
			if (robot && !internalRobot(robot.type)) {
				await appendTimeline(w.tx, { ...base, kind: 'robot', payload: { robot: robot.type, element: event.element ?? null, name: element(event.element)?.name ?? null, done: true } });
			}
			return;
		}
	}
}

/** Whether an error is a robot's expected failure (an incident), not a bug. */
function robotError(error: unknown): string | null {
	if (error instanceof RobotFailure || error instanceof ExpressionError) return error.message;
	if (error instanceof UserError) return [error.code, ...error.details.map((d) => `${d.field}: ${d.message}`)].join('; ');
	if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
	return null;
}

async function runRobot(w: WorkflowTx, contexts: Contexts, job: JobRow, robot: Robot): Promise<void> {
	const [open] = await w.tx.select({ id: engineJobs.id }).from(engineJobs).where(and(eq(engineJobs.tenant, w.workspaceId), eq(engineJobs.id, job.id)));
	if (!open) return;
	const level = (depth.get(w.sql) ?? 0) + 1;
	if (level > MAX_DEPTH) {
		await w.engine.failJob(job.id, `robots reached each other more than ${MAX_DEPTH} times in one command`, 0);
		return;
	}
	const context = await contexts.of(job.instanceId);
	const record = await contexts.record(context);
	const element = context.model ? findElement(context.model, job.elementId) : undefined;
	await w.sql.execute('SAVEPOINT potok_robot');
	let result: Record<string, unknown> | undefined;
	let failure: string | null = null;
	try {
		result = await robot.run!({ w, job, element, record, at: new Date(job.dueAt) });
		await w.sql.execute('RELEASE potok_robot');
	} catch (error) {
		await w.sql.executeMultiple('ROLLBACK TO potok_robot; RELEASE potok_robot');
		failure = robotError(error);
		if (failure === null) throw error;
	}
	depth.set(w.sql, level);
	try {
		if (failure !== null) await w.engine.failJob(job.id, failure, 0);
		else await w.engine.completeJob(job.id, result ?? {});
	} finally {
		depth.set(w.sql, level - 1);
	}
}
