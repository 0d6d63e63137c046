import { and, asc, eq } from 'drizzle-orm';
import type { ElementModel, ProcessModel } from '$lib/bpmn/process-model';
import { compileProcess, type ExecutableDefinition } from '$lib/engine';
import type { InstanceState } from '$lib/engine/instance-state';
import { engineDefinitions, engineInstances, engineTasks } from '../db/schema';
import type { Reader } from '../crm/db-types';
import type { CrmRecord } from '../crm/record-read';
import { findPipeline, type Pipeline } from './pipelines';
import { findElement } from './pipeline-model';
import { feelRecord } from './record-snapshot';
import { missingStageFields } from './required-fields';
import { routeAfter } from './routing';

/** A stage the record may be moved to now, the outcome of its current stage that leads there, and what must be filled first. */
export interface AllowedMove {
	/** A stage key, or a final status (`won`, `lost`, `spam`, `converted`). */
	stage: string;
	outcome: string;
	missingFields: string[];
}

/** An open task of the runtime on a record's process. */
export interface OpenEngineTask {
	/** The engine's task id (`instance/token`), which the CRM task names. */
	id: string;
	instanceId: string;
	tokenId: number;
	element: ElementModel;
	stage: string | null;
}

/** Where a record stands in its pipeline's process, read in one go. */
export interface WorkflowState {
	pipeline: Pipeline | null;
	instanceId: string | null;
	definitionKey: string | null;
	/** The instance's variables (root scope). */
	vars: Record<string, unknown>;
	tasks: OpenEngineTask[];
	/** The open task of the record's current stage, if it waits in one. */
	stageTask: OpenEngineTask | null;
	allowedMoves: AllowedMove[];
	definition: ExecutableDefinition | null;
}

/** Compiled definitions read from the database, by tenant, key and deployment time. */
const compiled = new Map<string, ExecutableDefinition>();

async function loadDefinition(db: Reader, workspaceId: string, key: string): Promise<{ model: ProcessModel; definition: ExecutableDefinition } | null> {
	const [row] = await db
		.select({ model: engineDefinitions.model, version: engineDefinitions.version, deployedAt: engineDefinitions.deployedAt })
		.from(engineDefinitions)
		.where(and(eq(engineDefinitions.tenant, workspaceId), eq(engineDefinitions.key, key)));
	if (!row) return null;
	const model = JSON.parse(row.model) as ProcessModel;
	const cacheKey = `${workspaceId}|${key}|${row.deployedAt}`;
	let definition = compiled.get(cacheKey);
	if (!definition) {
		const result = compileProcess(model, row.version);
		if (!result.ok) throw new Error(`Expected the published definition ${key} to compile, but: ${result.issues[0]?.message}`);
		definition = result.definition;
		if (compiled.size > 500) compiled.delete(compiled.keys().next().value!);
		compiled.set(cacheKey, definition);
	}
	return { model, definition };
}

/**
 * What completing a stage task hands the runtime: the record as `record`, the
 * stage's own fields under their keys (the runtime checks its required rules
 * on them).
 */
export function completionVariables(element: ElementModel, record: CrmRecord): Record<string, unknown> {
	const snapshot = feelRecord(record);
	const fields: Record<string, unknown> = {};
	for (const field of element.potok?.fields ?? []) if (snapshot[field.key] !== undefined) fields[field.key] = snapshot[field.key];
	return { ...fields, record: snapshot };
}

export async function workflowState(db: Reader, workspaceId: string, record: CrmRecord): Promise<WorkflowState> {
	const pipeline = record.pipeline ? await findPipeline(db, workspaceId, record.pipeline) : null;
	const empty: WorkflowState = { pipeline, instanceId: record.instanceId, definitionKey: null, vars: {}, tasks: [], stageTask: null, allowedMoves: [], definition: null };
	if (!record.instanceId) return empty;
	const [instance] = await db
		.select({ definitionKey: engineInstances.definitionKey, status: engineInstances.status, state: engineInstances.state })
		.from(engineInstances)
		.where(and(eq(engineInstances.id, record.instanceId), eq(engineInstances.tenant, workspaceId)));
	if (!instance) return empty;
	const state = JSON.parse(instance.state) as InstanceState;
	const vars = state.tokens.find((t) => t.p === 0)?.v ?? {};
	const loaded = await loadDefinition(db, workspaceId, instance.definitionKey);
	if (!loaded || instance.status !== 'active') return { ...empty, definitionKey: instance.definitionKey, vars };
	const rows = await db
		.select({ id: engineTasks.id, tokenId: engineTasks.tokenId, elementId: engineTasks.elementId, stage: engineTasks.stage })
		.from(engineTasks)
		.where(and(eq(engineTasks.tenant, workspaceId), eq(engineTasks.instanceId, record.instanceId)))
		.orderBy(asc(engineTasks.createdAt), asc(engineTasks.tokenId));
	const tasks: OpenEngineTask[] = [];
	for (const row of rows) {
		const element = findElement(loaded.model, row.elementId);
		if (element) tasks.push({ id: row.id, instanceId: record.instanceId, tokenId: row.tokenId, element, stage: row.stage });
	}
	const staged = tasks.filter((t) => t.stage !== null);
	const stageTask = staged.find((t) => t.stage === record.stage) ?? staged[0] ?? null;
	const allowedMoves = stageTask ? movesFrom(loaded.definition, stageTask, record, vars) : [];
	return { pipeline, instanceId: record.instanceId, definitionKey: instance.definitionKey, vars, tasks, stageTask, allowedMoves, definition: loaded.definition };
}

/** Every (target, outcome) the current stage allows, with the fields it still needs. */
function movesFrom(definition: ExecutableDefinition, task: OpenEngineTask, record: CrmRecord, vars: Record<string, unknown>): AllowedMove[] {
	const outcomes = task.element.potok?.outcomes?.map((o) => o.key) ?? [''];
	const moves: AllowedMove[] = [];
	for (const outcome of outcomes) {
		const scope: Record<string, unknown> = { ...vars, ...completionVariables(task.element, record), ...(outcome ? { outcome } : {}) };
		const source = { get: (name: string) => scope[name], toObject: () => scope };
		const missingFields = missingStageFields(task.element.potok?.fields ?? [], record.values, scope);
		for (const target of routeAfter(definition, task.element.id, source)) {
			const stage = target.kind === 'stage' ? target.key : target.kind === 'status' ? target.status : null;
			if (stage === null || stage === record.stage) continue;
			if (!moves.some((m) => m.stage === stage && m.outcome === outcome)) moves.push({ stage, outcome, missingFields });
		}
	}
	return moves;
}
