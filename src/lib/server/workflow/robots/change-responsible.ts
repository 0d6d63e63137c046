import { assignRecordTx, type AssignmentRule } from '../../crm/assignment';
import { loadRecord } from '../../crm/record-read';
import { feelRecord } from '../record-snapshot';
import { requireRecord, RobotFailure, text, type Robot } from './robot';

/** Makes someone else responsible: `user` (id or e-mail), or `group` with `rule` round-robin (default) or least-loaded. */
export const changeResponsibleRobot: Robot = {
	check(inputs) {
		const problems: string[] = [];
		if (!inputs.get('user')?.trim() && !inputs.get('group')?.trim()) problems.push('missing_input:user|group');
		const rule = inputs.get('rule');
		if (rule && !rule.startsWith('=') && !['round-robin', 'least-loaded'].includes(rule)) problems.push(`invalid_input:rule=${rule}`);
		return problems;
	},
	async run(run) {
		const record = requireRecord(run);
		const user = text(run.job, 'user');
		const group = text(run.job, 'group');
		let rule: AssignmentRule;
		if (user) rule = { type: 'user', user };
		else if (group) rule = { type: text(run.job, 'rule') === 'least-loaded' ? 'least-loaded' : 'round-robin', group };
		else throw new RobotFailure('neither user nor group is given');
		const choice = await assignRecordTx(run.w.tx, { workspaceId: run.w.workspaceId, userId: null }, record.id, rule, run.at);
		const fresh = await loadRecord(run.w.tx, run.w.workspaceId, record.id);
		return { responsible: choice.userId, ...(fresh ? { record: feelRecord(fresh) } : {}) };
	}
};
