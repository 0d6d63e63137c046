import { parseDuration, addDuration } from '../iso-time';
import { triggerWait } from '../behaviors/triggers';
import type { UnitOfWork } from '../runtime/unit-of-work';

let bufferedCount = 0;

export interface CorrelateMessageInput {
	name: string;
	correlationKey?: string | null;
	variables?: Record<string, unknown>;
	/** How long to keep the message when nothing waits for it yet (ISO 8601; default PT1H, PT0S drops it). */
	timeToLive?: string;
}

export type CorrelateResult =
	| { outcome: 'correlated'; instanceId: string }
	| { outcome: 'started'; instanceIds: string[] }
	| { outcome: 'buffered'; expiresAt: number }
	| { outcome: 'dropped' };

/**
 * Delivers a message to the oldest instance waiting for this name and key; failing that, starts
 * the processes with that message start event; failing that, buffers it for its time to live.
 */
export async function correlateMessage(uow: UnitOfWork, input: CorrelateMessageInput): Promise<CorrelateResult> {
	const key = input.correlationKey === undefined || input.correlationKey === null ? null : String(input.correlationKey);
	const variables = input.variables ?? {};
	const rows = await uow.tx.messageSubscriptions(input.name, key);
	for (const row of rows) {
		if (!row.instanceId || row.tokenId === undefined) continue;
		const rt = await uow.load(row.instanceId);
		const token = rt?.token(row.tokenId);
		const wait = token?.w?.find((w) => w.k === 'm' && w.e === row.elementId);
		if (!rt || !token || !wait || rt.state.st !== 'active') continue;
		triggerWait(rt, token, wait, variables);
		return { outcome: 'correlated', instanceId: rt.id };
	}
	const started: string[] = [];
	for (const row of rows) {
		if (!row.definitionKey) continue;
		const def = await uow.definition(row.definitionKey);
		const start = def.elements.get(row.elementId);
		if (!start) continue;
		const rt = await uow.createInstance(def, start, key === null ? variables : { correlationKey: key, ...variables });
		started.push(rt.id);
	}
	if (started.length > 0) return { outcome: 'started', instanceIds: started };
	const ttl = parseDuration(input.timeToLive ?? 'PT1H');
	const expiresAt = ttl ? addDuration(uow.now, ttl) : uow.now;
	if (expiresAt <= uow.now) return { outcome: 'dropped' };
	const id = `${input.name}/${key ?? ''}/${uow.now}/${++bufferedCount}`;
	uow.changes.bufferedMessages.put.push({ id, name: input.name, correlationKey: key, variables, createdAt: uow.now, expiresAt });
	return { outcome: 'buffered', expiresAt };
}
