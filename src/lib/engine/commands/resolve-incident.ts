import { throwEvent } from '../behaviors/errors';
import { onIterationCompleted } from '../behaviors/multi-instance';
import { rescheduleToken } from '../behaviors/timer-reschedule';
import { CommandError } from '../command-error';
import { complete, enter } from '../runtime/lifecycle';
import type { UnitOfWork } from '../runtime/unit-of-work';

/** Resolves an incident after the cause was fixed, running the failed step again. */
export async function resolveIncident(uow: UnitOfWork, instanceId: string, tokenId: number, variables?: Record<string, unknown>): Promise<void> {
	const rt = await uow.load(instanceId);
	const token = rt?.token(tokenId);
	const incident = token?.inc;
	if (!rt || !token || !incident) throw new CommandError('incident-not-found', `No incident on ${instanceId}/${tokenId}`);
	if (incident.phase === 'timer') {
		// the token never stopped: evaluating its timers again resolves the incident, or keeps it
		if (variables && Object.keys(variables).length > 0) rt.setVariables(token, variables);
		rescheduleToken(rt, token);
		return;
	}
	delete token.inc;
	token.s = 'w';
	rt.record('incident.resolved', token, { message: incident.message });
	if (variables && Object.keys(variables).length > 0) rt.setVariables(token, variables);
	const element = rt.element(token);
	switch (incident.phase) {
		case 'activate':
			token.s = 'q';
			rt.agenda.push(token);
			return;
		case 'enter':
			return enter(rt, token, element);
		case 'job':
			if (token.job) {
				token.job.retries = Math.max(1, element.robot?.retries ?? 1);
				token.job.due = uow.now;
			}
			return;
		case 'throw':
			throwEvent(rt, token, 'error', incident.code);
			return;
		case 'iteration':
			if (token.mi) {
				token.mi.done--;
				return onIterationCompleted(rt, token, element);
			}
			return complete(rt, token);
	}
}
