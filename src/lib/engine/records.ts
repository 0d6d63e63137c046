/**
 * The record stream: everything that happened, in order. Appliers never read it back to decide —
 * it is the history (reports, audits, the CLI's output, the conformance suite's expectations).
 * A record type's meaning never changes once written; add a new type instead.
 */
export type RecordEvent =
	| 'instance.started'
	| 'instance.completed'
	| 'instance.terminated'
	| 'element.activated'
	| 'element.completed'
	| 'element.terminated'
	| 'flow.taken'
	| 'incident.created'
	| 'incident.resolved'
	| 'variables.changed'
	| 'job.failed'
	| 'message.buffered'
	/** A token entered a `potok:stage` element: the driven record's stage changed. */
	| 'stage.entered'
	/** An end event with `potok:outcome status` completed: the record's final status. */
	| 'status.set'
	/**
	 * A waiting timer's expression was evaluated again and gave another due time: `element` is the
	 * timer event, `token` the token that waits, `message` the new due time (ISO 8601, UTC).
	 */
	| 'timer.rescheduled'
	/** A waiting user task's deadline (`potok:task due`, an expression) was computed again: `message` is the new one (ISO 8601, UTC). */
	| 'deadline.rescheduled';

/** A record as the engine produces it; the store assigns `seq` when it appends it. */
export interface RecordInput {
	at: number;
	instance: string;
	event: RecordEvent;
	/** Element or flow id. */
	element?: string;
	elementType?: string;
	/** Element instance (token) id inside the instance. */
	token?: number;
	message?: string;
	variables?: Record<string, unknown>;
	actor?: string;
	definition?: string;
	stage?: string;
	status?: string;
}

export interface EngineRecord extends RecordInput {
	seq: number;
}
