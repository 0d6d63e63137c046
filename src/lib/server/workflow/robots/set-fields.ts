import { loadRecord } from '../../crm/record-read';
import { updateRecordTx } from '../../crm/records';
import { refreshRecordInstancesTx } from '../record-refresh';
import { feelRecord } from '../record-snapshot';
import { requireRecord, robotTimeline, type Robot } from './robot';

/** Sets the record's fields: each input names a field key (or `title`), its value is FEEL or a literal. */
export const setFieldsRobot: Robot = {
	check: (inputs) => (inputs.size === 0 ? ['missing_input:<field>'] : []),
	async run(run) {
		const record = requireRecord(run);
		const { title, ...values } = run.job.inputs;
		const changed = await updateRecordTx(
			run.w.tx,
			{ workspaceId: run.w.workspaceId, userId: null },
			record.id,
			{ ...(title !== undefined ? { title: String(title) } : {}), values },
			run.at
		);
		await robotTimeline(run, { changed });
		// the record's other running processes (and this one's timers) see the new values too
		if (changed.length > 0) await refreshRecordInstancesTx(run.w, record.id, null);
		const fresh = await loadRecord(run.w.tx, run.w.workspaceId, record.id);
		return fresh ? { record: feelRecord(fresh) } : {};
	}
};
