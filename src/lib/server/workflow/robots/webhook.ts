import { and, eq } from 'drizzle-orm';
import type { RobotHandler } from '$lib/engine';
import type { Database } from '../../db';
import { recordInstances } from '../../db/schema';
import { loadRecord } from '../../crm/record-read';
import { feelRecord } from '../record-snapshot';
import { missing, RobotFailure, requireText, type Robot } from './robot';

/** Sends HTTP requests; tests and the app pass `fetch`. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

function httpUrl(value: string): URL | null {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
}

/**
 * Outbound webhook: POSTs JSON to `url` — `body` when given, else the record
 * and where the process is — as a job after the commit. A non-2xx answer or a
 * network failure is retried with backoff; when the retries run out the
 * runtime raises an incident a person can fix and retry.
 */
export const webhookRobot: Robot = {
	external: true,
	check(inputs) {
		const problems = missing(inputs, 'url');
		const url = inputs.get('url')?.trim();
		if (url && !url.startsWith('=') && !httpUrl(url)) problems.push(`invalid_input:url=${url}`);
		return problems;
	}
};

export function webhookHandler(database: Database, send: Fetch = fetch): RobotHandler {
	return async (job) => {
		const url = httpUrl(requireText(job, 'url'));
		if (!url) throw new RobotFailure(`${String(job.inputs.url)} is not an http(s) address`);
		let body = job.inputs.body;
		if (body === undefined) {
			const [link] = await database.db
				.select({ recordId: recordInstances.recordId, workspaceId: recordInstances.workspaceId })
				.from(recordInstances)
				.where(and(eq(recordInstances.instanceId, job.instanceId)));
			const record = link ? await loadRecord(database.db, link.workspaceId, link.recordId) : null;
			body = { event: 'potok.webhook', instanceId: job.instanceId, element: job.elementId, record: record ? feelRecord(record) : null };
		}
		const response = await send(url.href, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'user-agent': 'Potok' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(10_000)
		});
		if (!response.ok) throw new RobotFailure(`${url.host} answered ${response.status}`);
		return { webhookStatus: response.status };
	};
}
