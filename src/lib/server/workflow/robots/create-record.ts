import { linkRecordsTx } from '../../crm/links';
import { createRecordInPipelineTx } from '../record-start';
import { createdRecords, flag, missing, prefixed, requireText, robotTimeline, text, type Robot } from './robot';

/**
 * Creates a record: `type` (required), `title`, `pipeline` (its process starts
 * for it), field values as `field.<key>` inputs, `responsible` (default the
 * record's), linked to the record the process drives unless `link` is false,
 * and to the records `linkTo` names (an id or a list: a contact to a company).
 * The new record's required fields are checked like any other create.
 */
export const createRecordRobot: Robot = {
	check: (inputs) => missing(inputs, 'type'),
	async run(run) {
		const { w, job, record } = run;
		const actor = { workspaceId: w.workspaceId, userId: null };
		const created = await createRecordInPipelineTx(w, actor, {
			type: requireText(job, 'type'),
			pipeline: text(job, 'pipeline') ?? null,
			title: text(job, 'title'),
			responsibleId: text(job, 'responsible') ?? record?.responsibleId ?? null,
			values: prefixed(job, 'field')
		});
		const id = created.mergedInto ?? created.id;
		if (record && flag(job, 'link', true)) await linkRecordsTx(w.tx, w.workspaceId, record.id, id, null, run.at);
		const others = job.inputs.linkTo;
		for (const other of Array.isArray(others) ? others : others ? [others] : []) await linkRecordsTx(w.tx, w.workspaceId, id, String(other), null, run.at);
		await robotTimeline(run, { created: id, createdItems: await createdRecords(run, [id]) });
		return { createdRecordId: id };
	}
};
