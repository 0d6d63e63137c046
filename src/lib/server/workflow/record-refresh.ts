import { and, eq } from 'drizzle-orm';
import { engineInstances, recordInstances } from '../db/schema';
import { loadRecord } from '../crm/record-read';
import { feelRecord } from './record-snapshot';
import type { WorkflowTx } from './workflow-tx';

/**
 * After a record's fields changed: every running process instance of the record (its pipeline
 * and the processes it started or called) gets the record's fresh values as its `record`
 * variable, and the timers it waits for whose time is an expression (`=record.meeting_at -
 * duration("PT1H")`) are evaluated again and moved — in the caller's transaction, like a move.
 * Returns how many timers moved.
 */
export async function refreshRecordInstancesTx(w: WorkflowTx, recordId: string, actorId: string | null): Promise<number> {
	const record = await loadRecord(w.tx, w.workspaceId, recordId);
	if (!record || record.mergedInto) return 0;
	const running = await w.tx
		.select({ id: recordInstances.instanceId })
		.from(recordInstances)
		.innerJoin(engineInstances, and(eq(engineInstances.id, recordInstances.instanceId), eq(engineInstances.tenant, w.workspaceId)))
		.where(and(eq(recordInstances.workspaceId, w.workspaceId), eq(recordInstances.recordId, recordId), eq(engineInstances.status, 'active')))
		.orderBy(recordInstances.createdAt, recordInstances.instanceId);
	const snapshot = feelRecord(record);
	let moved = 0;
	for (const { id } of running) moved += (await w.engine.reevaluateTimers(id, { record: snapshot }, actorId ?? undefined)).value;
	return moved;
}
