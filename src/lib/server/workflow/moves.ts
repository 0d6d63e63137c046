import { z } from 'zod';
import type { Database } from '../db';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { loadRecord, requireVisibleRecord, type CrmRecord } from '../crm/record-read';
import { seesAllRecords } from '../crm/record-scope';
import type { Pipeline } from './pipelines';
import { updateRecordInWorkflowTx } from './record-update';
import { closeCrmTaskTx, completeEngineTaskTx, crmTaskOf, requiredFieldsMissing } from './stage-completion';
import { workflowState, type AllowedMove, type WorkflowState } from './workflow-state';
import { runWorkflow, type WorkflowTx } from './workflow-tx';

export type { AllowedMove } from './workflow-state';

/**
 * Moving a record between stages (a kanban drag, the API, an import): only
 * where the diagram leads. The target is a stage (or a final status) one of
 * the current stage's outcomes reaches; the stage's required fields —
 * `required`, or `requiredWhen` that outcome — must be filled, with the values
 * sent along, and a result when the stage's task requires one; then the
 * task completes with that outcome and the runtime moves the record. Every path in goes through here: no bypass.
 */
export const moveInputSchema = z.object({
	stage: z.string().trim().min(1, 'required').max(100),
	/** Which outcome to leave by, when several lead to the stage. */
	outcome: z.string().trim().min(1).max(100).optional(),
	/** Field values to save first (those the move requires, typically). */
	fields: z.record(z.string(), z.unknown()).optional(),
	/** The result of the stage's task, when the task requires one. */
	result: z.string().trim().max(20_000, 'too_long').optional()
});
export type MoveInput = z.input<typeof moveInputSchema>;

/** A record's place in its pipeline, for cards, kanban and the records API. */
export interface RecordWorkflow {
	pipeline: Pick<Pipeline, 'key' | 'name' | 'version' | 'stages' | 'finalStatuses' | 'lossReasons'> | null;
	stage: string | null;
	status: CrmRecord['status'];
	allowedMoves: AllowedMove[];
	/** The runtime's open tasks on the record's process (stage first). */
	openTasks: { id: string; elementId: string; name: string | null; stage: string | null; outcomes: { key: string; label: string }[] }[];
}

/** Owners, managers and analysts move any record; others their own, or one whose stage task is theirs. */
async function assertCanMove(w: WorkflowTx, scope: WorkspaceScope, record: CrmRecord, state: WorkflowState): Promise<void> {
	if (seesAllRecords(scope) || record.responsibleId === scope.userId) return;
	const task = state.stageTask && (await crmTaskOf(w, state.stageTask.id));
	if (task?.responsibleId === scope.userId) return;
	throw new UserError('forbidden');
}

function describe(state: WorkflowState, record: CrmRecord): RecordWorkflow {
	const p = state.pipeline;
	return {
		pipeline: p && { key: p.key, name: p.name, version: p.version, stages: p.stages, finalStatuses: p.finalStatuses, lossReasons: p.lossReasons },
		stage: record.stage,
		status: record.status,
		allowedMoves: state.allowedMoves,
		openTasks: state.tasks.map((t) => ({
			id: t.id,
			elementId: t.element.id,
			name: t.element.name ?? null,
			stage: t.stage,
			outcomes: (t.element.potok?.outcomes ?? []).map((o) => ({ key: o.key, label: o.label ?? o.key }))
		}))
	};
}

/** Where a record stands and where it may go (the records API's GET and the card call this). */
export async function recordWorkflow(database: Database, scope: WorkspaceScope, recordId: string): Promise<RecordWorkflow> {
	const record = await requireVisibleRecord(database.db, scope, recordId);
	return describe(await workflowState(database.db, scope.workspaceId, record), record);
}

/** Just the allowed moves of a record the caller has loaded; `[]` outside a pipeline. */
export async function allowedMoves(database: Database, scope: WorkspaceScope, record: CrmRecord): Promise<AllowedMove[]> {
	return (await workflowState(database.db, scope.workspaceId, record)).allowedMoves;
}

/** Moves a record inside a workflow transaction (import and robots use this form). */
export async function moveRecordTx(w: WorkflowTx, scope: WorkspaceScope, recordId: string, input: MoveInput): Promise<RecordWorkflow> {
	const data = moveInputSchema.parse(input);
	let record = await requireVisibleRecord(w.tx, scope, recordId);
	if (record.mergedInto) throw new UserError('record_merged', { into: record.mergedInto });
	await assertCanMove(w, scope, record, await workflowState(w.tx, w.workspaceId, record));
	if (data.fields && Object.keys(data.fields).length > 0) {
		await updateRecordInWorkflowTx(w, { workspaceId: w.workspaceId, userId: scope.userId }, recordId, { values: data.fields });
		record = (await loadRecord(w.tx, w.workspaceId, recordId))!;
	}
	const state = await workflowState(w.tx, w.workspaceId, record);
	const candidates = state.allowedMoves.filter((m) => m.stage === data.stage && (data.outcome === undefined || m.outcome === data.outcome));
	if (!state.stageTask || candidates.length === 0) {
		throw new UserError('move_not_allowed', { stage: data.stage, from: record.stage ?? '' }, [{ field: 'stage', message: `move_not_allowed:${data.stage}` }]);
	}
	const move = candidates.find((m) => m.missingFields.length === 0) ?? candidates[0]!;
	if (move.missingFields.length > 0) throw await requiredFieldsMissing(w, record, move.missingFields);
	const task = await crmTaskOf(w, state.stageTask.id);
	if (task?.resultRequired && !data.result) throw new UserError('result_required', {}, [{ field: 'result', message: 'required' }]);
	if (task) await closeCrmTaskTx(w, task, scope.userId, { outcome: move.outcome || undefined, result: data.result || undefined });
	await completeEngineTaskTx(w, state.stageTask, record, move.outcome || undefined, scope.userId);
	const moved = (await loadRecord(w.tx, w.workspaceId, recordId))!;
	return describe(await workflowState(w.tx, w.workspaceId, moved), moved);
}

/** Moves a record as the person in `scope`; 409 when the diagram does not allow it, 422 naming missing fields. */
export async function moveRecord(database: Database, scope: WorkspaceScope, recordId: string, input: MoveInput): Promise<RecordWorkflow> {
	return runWorkflow(database, scope.workspaceId, (w) => moveRecordTx(w, scope, recordId, input));
}
