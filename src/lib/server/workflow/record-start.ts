import type { Database } from '../db';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import type { CrmActor } from '../crm/actor';
import { requireEntityType } from '../crm/entity-types';
import { loadRecord } from '../crm/record-read';
import type { RecordCreateInput } from '../crm/record-input';
import { createRecordTx, type CreatedRecord, type CreateOptions } from '../crm/records';
import { findPipeline, loadPipelines, type Pipeline } from './pipelines';
import { refreshRecordInstancesTx } from './record-refresh';
import { feelRecord } from './record-snapshot';
import { runWorkflow, type WorkflowTx } from './workflow-tx';

/**
 * Records in pipelines. A lead or a deal (any type with a published pipeline)
 * is created in a pipeline — the one named, else the type's first — and its
 * pipeline's current published process starts for it in the same transaction:
 * the record's stage is then the diagram's, never a free write. The record id
 * is the instance's `recordId` variable; `record` holds its fields for the
 * diagram's expressions.
 */
export interface CreatedPipelineRecord extends CreatedRecord {
	pipeline: string | null;
	instanceId: string | null;
}

async function pipelineFor(w: WorkflowTx, input: RecordCreateInput): Promise<Pipeline | null> {
	if (input.pipeline) {
		const pipeline = await findPipeline(w.tx, w.workspaceId, input.pipeline);
		if (!pipeline) throw new UserError('validation', {}, [{ field: 'pipeline', message: `unknown_pipeline:${input.pipeline}` }]);
		if (pipeline.entityType !== input.type) throw new UserError('validation', {}, [{ field: 'pipeline', message: `pipeline_other_type:${pipeline.entityType}` }]);
		return pipeline;
	}
	const type = await requireEntityType(w.tx, w.workspaceId, input.type, w.tx);
	return (await loadPipelines(w.tx, w.workspaceId, type.key))[0] ?? null;
}

/** Starts a pipeline's current process for a record; `main` when it is the record's own pipeline. */
export async function startRecordProcessTx(w: WorkflowTx, recordId: string, pipeline: Pick<Pipeline, 'key' | 'engineProcessId'>, main: boolean, actorId: string | null): Promise<string> {
	const record = await loadRecord(w.tx, w.workspaceId, recordId);
	if (!record) throw new Error(`Expected record ${recordId} to exist before its process starts, but it does not`);
	const variables: Record<string, unknown> = { recordId, record: feelRecord(record) };
	if (main) variables.pipeline = pipeline.key;
	const { value } = await w.engine.startInstance({ processId: pipeline.engineProcessId, variables }, actorId ?? undefined);
	return value;
}

/**
 * Creates a record inside a workflow transaction and, when it belongs in a
 * pipeline, starts that pipeline's process for it. The stage cannot be given:
 * the process sets it.
 */
export async function createRecordInPipelineTx(w: WorkflowTx, actor: CrmActor, input: RecordCreateInput, options: CreateOptions = {}): Promise<CreatedPipelineRecord> {
	if (input.stage) throw new UserError('validation', {}, [{ field: 'stage', message: 'stage_by_process' }]);
	const pipeline = await pipelineFor(w, input);
	const created = await createRecordTx(w.tx, actor, { ...input, pipeline: pipeline?.key ?? null, stage: null }, { at: w.now(), ...options });
	if (created.mergedInto) {
		// a duplicate merged into an existing record may have filled its fields: its processes see them
		await refreshRecordInstancesTx(w, created.mergedInto, actor.userId);
		return { ...created, pipeline: pipeline?.key ?? null, instanceId: null };
	}
	if (!pipeline) return { ...created, pipeline: null, instanceId: null };
	const instanceId = await startRecordProcessTx(w, created.id, pipeline, true, actor.userId);
	return { ...created, pipeline: pipeline.key, instanceId };
}

/**
 * Creates a record as the person in `scope` (the records API, forms, import):
 * in its pipeline when it has one, with the process started for it.
 */
export async function createRecordInPipeline(database: Database, scope: WorkspaceScope, input: RecordCreateInput): Promise<CreatedPipelineRecord> {
	return runWorkflow(database, scope.workspaceId, (w) => createRecordInPipelineTx(w, { workspaceId: scope.workspaceId, userId: scope.userId }, input, { viewer: scope }));
}
