/**
 * The state of one process instance, compact because it is stored as one JSON value per instance.
 * Tokens are element instances: the process itself is token 1, subprocesses and multi-instance
 * bodies are tokens whose children point to them with `p`.
 */

export type TokenStatus =
	/** queued for activation in the running command */
	| 'q'
	/** waiting for something outside (task, message, timer, job, called process) */
	| 'w'
	/** arrived at a joining gateway, waiting for the other branches */
	| 'j'
	/** a scope (process, subprocess, multi-instance body) with children */
	| 's'
	/** stopped by an incident */
	| 'i';

/** A subscription owned by a token: a timer, a message or a signal it waits for. */
export interface Wait {
	k: 't' | 'm' | 's';
	/** The event element it belongs to (a boundary, a catch event, an event-subprocess start…). */
	e: string;
	due?: number;
	/** Remaining repetitions of a cycle after the next firing; -1 forever. */
	rep?: number;
	/** The cycle's period, ISO 8601. */
	per?: string;
	name?: string;
	key?: string | null;
}

export interface Incident {
	/**
	 * What to run again when the incident is resolved. `timer`: a timer's due time could not be
	 * computed again (see behaviors/timer-reschedule.ts); the token keeps its status.
	 */
	phase: 'activate' | 'enter' | 'job' | 'throw' | 'iteration' | 'timer';
	message: string;
	/** Error code for an unhandled error. */
	code?: string;
	/** Phase `timer`: the timer events of the token whose due time failed (their waits are closed). */
	timers?: string[];
}

export interface JobState {
	type: string;
	retries: number;
	due: number;
	inputs?: Record<string, unknown>;
}

export interface Token {
	id: number;
	/** Element id (the process id for the root token). */
	el: string;
	/** Parent scope token id; 0 for the root. */
	p: number;
	s: TokenStatus;
	/** Flow it arrived by (joins). */
	in?: string;
	/** Local variables: this token is a variable scope. */
	v?: Record<string, unknown>;
	w?: Wait[];
	/** A multi-instance iteration (not the body). */
	it?: 1;
	mi?: { n: number; done: number; next: number; items?: unknown[] };
	/** Standard-loop iteration count. */
	lc?: number;
	job?: JobState;
	inc?: Incident;
	/** The called process instance of a call activity. */
	call?: string;
	/** Creation time, for "the oldest open task". */
	at: number;
	/** Deadline of a user task (potok:task due). */
	due?: number;
}

export type InstanceStatus = 'active' | 'completed' | 'terminated';

export interface InstanceState {
	id: string;
	/** Definition key `processId:version`. */
	def: string;
	st: InstanceStatus;
	next: number;
	tokens: Token[];
	parent?: { instance: string; token: number };
}

export const rootTokenId = 1;
