import { and, eq, inArray } from 'drizzle-orm';
import { engineInstances, recordInstances } from '../../db/schema';
import { loadRecord } from '../../crm/record-read';
import { setRecordStageTx } from '../../crm/records';
import { findPipeline } from '../pipelines';
import { startRecordProcessTx } from '../record-start';
import { missing, requireRecord, robotTimeline, RobotFailure, requireText, text, type Robot } from './robot';

/**
 * Starts another published process (`pipeline`, its key) for a record — the
 * one the process drives, or `record` (an id, e.g. a linked company's). When
 * that record has no running pipeline of its own and the pipeline is of its
 * type, the record moves into it; otherwise the process runs beside it.
 */
export const startProcessRobot: Robot = {
	check: (inputs) => missing(inputs, 'pipeline'),
	async run(run) {
		const { w, job } = run;
		const key = requireText(job, 'pipeline');
		const pipeline = await findPipeline(w.tx, w.workspaceId, key);
		if (!pipeline) throw new RobotFailure(`no published pipeline ${key}`);
		const recordId = text(job, 'record') ?? requireRecord(run).id;
		const target = await loadRecord(w.tx, w.workspaceId, recordId);
		if (!target || target.mergedInto) throw new RobotFailure(`no record ${recordId}`);
		const running = await w.tx
			.select({ id: recordInstances.instanceId })
			.from(recordInstances)
			.innerJoin(engineInstances, eq(engineInstances.id, recordInstances.instanceId))
			.where(and(eq(recordInstances.recordId, recordId), eq(recordInstances.main, true), inArray(engineInstances.status, ['active'])));
		const main = running.length === 0 && pipeline.entityType === target.type;
		if (main) await setRecordStageTx(w.tx, { workspaceId: w.workspaceId, userId: null }, recordId, { pipeline: key, stage: null, status: 'open' }, run.at);
		const instanceId = await startRecordProcessTx(w, recordId, pipeline, main, null);
		await robotTimeline(run, { started: key, record: recordId, main });
		return { startedInstanceId: instanceId };
	}
};
