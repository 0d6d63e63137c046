import { raiseIncident } from '../behaviors/incidents';
import { throwEvent } from '../behaviors/errors';
import { CommandError } from '../command-error';
import type { Token } from '../instance-state';
import { complete } from '../runtime/lifecycle';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import type { UnitOfWork } from '../runtime/unit-of-work';
import { jobBackoff } from './fire-timer';

/** Job ids are `instance/token`. */
async function loadJob(uow: UnitOfWork, jobId: string): Promise<{ rt: InstanceRuntime; token: Token }> {
	const slash = jobId.lastIndexOf('/');
	const rt = await uow.load(jobId.slice(0, slash));
	const token = rt?.token(Number(jobId.slice(slash + 1)));
	if (!rt || !token || !token.job || token.s !== 'w') throw new CommandError('job-not-found', `No open job ${jobId}`);
	return { rt, token };
}

/** The robot did its work: its variables are set and the task continues. */
export async function completeJob(uow: UnitOfWork, jobId: string, variables: Record<string, unknown> = {}): Promise<void> {
	const { rt, token } = await loadJob(uow, jobId);
	delete token.job;
	if (Object.keys(variables).length > 0) rt.setVariables(token, variables);
	complete(rt, token);
}

/** The robot failed: retry after a backoff, or raise an incident when no retries are left. */
export async function failJob(uow: UnitOfWork, jobId: string, message: string, retries?: number): Promise<void> {
	const { rt, token } = await loadJob(uow, jobId);
	const job = token.job as NonNullable<Token['job']>;
	const robotRetries = rt.element(token).robot?.retries ?? 3;
	job.retries = retries ?? job.retries - 1;
	rt.record('job.failed', token, { message });
	if (job.retries <= 0) {
		job.retries = 0;
		raiseIncident(rt, token, 'job', `Robot ${job.type} failed: ${message}`);
		return;
	}
	job.due = jobBackoff(uow.now, robotRetries - job.retries - 1);
}

/** The robot reports a business error: it is thrown as a BPMN error from the task. */
export async function throwJobError(uow: UnitOfWork, jobId: string, errorCode: string, variables: Record<string, unknown> = {}): Promise<void> {
	const { rt, token } = await loadJob(uow, jobId);
	delete token.job;
	throwEvent(rt, token, 'error', errorCode, variables);
}
