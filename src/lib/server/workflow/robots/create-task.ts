import { chooseAssignee } from '../../crm/assignment';
import { createTaskTx } from '../../crm/tasks';
import { deadlineOf, flag, missing, requireText, robotTimeline, text, type Robot, type RobotCreated } from './robot';

/**
 * Sets a task about the record: `title` (required), `description`, `responsible`
 * (id or e-mail; default the record's responsible) or `group` (round-robin),
 * `due` (an ISO duration from now, or an instant), `resultRequired`.
 */
export const createTaskRobot: Robot = {
	check: (inputs) => missing(inputs, 'title'),
	async run(run) {
		const { w, job, record } = run;
		const user = text(job, 'responsible');
		const group = text(job, 'group');
		let responsibleId = record?.responsibleId ?? null;
		if (user) responsibleId = (await chooseAssignee(w.tx, w.workspaceId, { type: 'user', user })).userId;
		else if (group) responsibleId = (await chooseAssignee(w.tx, w.workspaceId, { type: 'round-robin', group })).userId ?? responsibleId;
		const title = requireText(job, 'title');
		const taskId = await createTaskTx(
			w.tx,
			{ workspaceId: w.workspaceId, userId: null },
			{
				title,
				description: text(job, 'description') ?? '',
				responsibleId,
				deadline: deadlineOf(job.inputs.due, run.at),
				resultRequired: flag(job, 'resultRequired', false),
				recordIds: record ? [record.id] : []
			},
			run.at
		);
		const made: RobotCreated = { kind: 'task', id: taskId, title };
		await robotTimeline(run, { task: taskId, createdItems: [made] });
		return { taskId };
	}
};
