import { appendTimeline } from '../../crm/timeline';
import { missing, requireText, type Robot } from './robot';

/** «Запись в отчёт»: a line in the record's timeline, to follow which branch ran with which data. */
export const logRobot: Robot = {
	check: (inputs) => missing(inputs, 'text'),
	async run(run) {
		const text = requireText(run.job, 'text');
		if (run.record) {
			await appendTimeline(run.w.tx, {
				workspaceId: run.w.workspaceId,
				recordId: run.record.id,
				kind: 'log',
				actorId: null,
				payload: { text, element: run.job.elementId, name: run.element?.name ?? null },
				at: run.at
			});
		}
		return {};
	}
};
