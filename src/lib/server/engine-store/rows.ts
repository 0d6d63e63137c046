import type { Row } from '@libsql/client';
import type {
	BufferedMessageRow,
	InstanceRow,
	JobRow,
	MessageSubscriptionRow,
	SignalSubscriptionRow,
	TaskRow,
	TimerRow
} from '../../engine/store';
import type { EngineRecord } from '../../engine/records';

/** Adapters between SQL rows and the engine's row types (SQL NULL ↔ absent). */
const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));
const json = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (JSON.parse(String(v)) as T));

/** Copies the defined properties only, so optional fields stay absent rather than `undefined`. */
function defined<T extends object>(o: T): T {
	for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
	return o;
}

export const toInstance = (r: Row): InstanceRow => ({
	id: String(r.id),
	definitionKey: String(r.definition_key),
	version: Number(r.version),
	status: String(r.status) as InstanceRow['status'],
	state: JSON.parse(String(r.state))
});

export const toTimer = (r: Row): TimerRow =>
	defined({
		id: String(r.id),
		instanceId: str(r.instance_id),
		definitionKey: str(r.definition_key),
		tokenId: num(r.token_id),
		elementId: String(r.element_id),
		dueAt: Number(r.due_at),
		repetitions: num(r.repetitions)
	});

export const toMessageSubscription = (r: Row): MessageSubscriptionRow =>
	defined({
		id: String(r.id),
		name: String(r.name),
		correlationKey: str(r.correlation_key) ?? null,
		instanceId: str(r.instance_id),
		definitionKey: str(r.definition_key),
		tokenId: num(r.token_id),
		elementId: String(r.element_id),
		createdAt: Number(r.created_at)
	});

export const toSignalSubscription = (r: Row): SignalSubscriptionRow =>
	defined({
		id: String(r.id),
		name: String(r.name),
		instanceId: str(r.instance_id),
		definitionKey: str(r.definition_key),
		tokenId: num(r.token_id),
		elementId: String(r.element_id)
	});

export const toJob = (r: Row): JobRow => ({
	id: String(r.id),
	instanceId: String(r.instance_id),
	tokenId: Number(r.token_id),
	elementId: String(r.element_id),
	type: String(r.type),
	retries: Number(r.retries),
	dueAt: Number(r.due_at),
	inputs: JSON.parse(String(r.inputs))
});

export const toTask = (r: Row): TaskRow =>
	defined({
		id: String(r.id),
		instanceId: String(r.instance_id),
		tokenId: Number(r.token_id),
		elementId: String(r.element_id),
		name: str(r.name),
		createdAt: Number(r.created_at),
		stage: str(r.stage),
		assignment: json<Record<string, unknown>>(r.assignment),
		dueAt: num(r.due_at)
	});

export const toBufferedMessage = (r: Row): BufferedMessageRow => ({
	id: String(r.id),
	name: String(r.name),
	correlationKey: str(r.correlation_key) ?? null,
	variables: JSON.parse(String(r.variables)),
	createdAt: Number(r.created_at),
	expiresAt: Number(r.expires_at)
});

export const toRecord = (r: Row): EngineRecord =>
	defined({
		seq: Number(r.seq),
		at: Number(r.at),
		instance: String(r.instance),
		event: String(r.event) as EngineRecord['event'],
		element: str(r.element),
		elementType: str(r.element_type),
		token: num(r.token),
		message: str(r.message),
		variables: json<Record<string, unknown>>(r.variables),
		actor: str(r.actor),
		definition: str(r.definition),
		stage: str(r.stage),
		status: str(r.status)
	});
