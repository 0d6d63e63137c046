/**
 * Time as the engine sees it: milliseconds since the epoch. The engine never reads `Date.now()`
 * itself, so tests and the CLI run on a virtual clock and a week of timers takes no time.
 */
export interface Clock {
	now(): number;
}

/** The wall clock, for the app. */
export const realClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to. */
export class VirtualClock implements Clock {
	#now: number;

	constructor(start: number | string = '2026-01-01T00:00:00Z') {
		this.#now = typeof start === 'number' ? start : Date.parse(start);
	}

	now(): number {
		return this.#now;
	}

	/** Moves the clock forward; moving backwards is a bug in the caller. */
	set(at: number): void {
		if (at < this.#now) throw new Error(`Expected a time after ${new Date(this.#now).toISOString()}, but got ${new Date(at).toISOString()}`);
		this.#now = at;
	}

	advance(ms: number): void {
		this.set(this.#now + ms);
	}
}
