import type { Database } from '../db';
import type { WorkspaceScope } from '../access/scope';
import type { CrmActor } from '../crm/actor';
import { mergeInputSchema, mergeRecordsTx, type MergeInput } from '../crm/merge';
import type { RecordPatch } from '../crm/record-input';
import { requireVisibleRecord } from '../crm/record-read';
import { updateRecordTx } from '../crm/records';
import { refreshRecordInstancesTx } from './record-refresh';
import { runWorkflow, type WorkflowTx } from './workflow-tx';

/**
 * Editing a record (the card's form, the records API's PATCH, a move or a task with fields):
 * the CRM's update, then, when anything changed, the record's running processes see the new
 * values and their timers that depend on them move — one transaction. Returns the keys that
 * changed.
 */
export async function updateRecordInWorkflowTx(w: WorkflowTx, actor: CrmActor, recordId: string, patch: RecordPatch): Promise<string[]> {
	const changed = await updateRecordTx(w.tx, actor, recordId, patch, w.now());
	if (changed.length > 0) await refreshRecordInstancesTx(w, recordId, actor.userId);
	return changed;
}

/** Edits a record the person in `scope` can see. */
export async function updateRecordInWorkflow(database: Database, scope: WorkspaceScope, recordId: string, patch: RecordPatch): Promise<string[]> {
	return runWorkflow(database, scope.workspaceId, async (w) => {
		await requireVisibleRecord(w.tx, scope, recordId);
		return updateRecordInWorkflowTx(w, { workspaceId: scope.workspaceId, userId: scope.userId }, recordId, patch);
	});
}

/** Merges duplicates into a record the person sees (the card's merge, the API); the survivor's processes see its merged values. */
export async function mergeRecordsInWorkflow(database: Database, scope: WorkspaceScope, survivorId: string, input: MergeInput): Promise<{ changed: string[] }> {
	const data = mergeInputSchema.parse(input);
	return runWorkflow(database, scope.workspaceId, async (w) => {
		for (const id of [survivorId, ...data.from]) await requireVisibleRecord(w.tx, scope, id);
		const merged = await mergeRecordsTx(w.tx, scope.workspaceId, survivorId, data.from, data.values, scope.userId, 'manual', w.now());
		if (merged.changed.length > 0) await refreshRecordInstancesTx(w, survivorId, scope.userId);
		return merged;
	});
}
