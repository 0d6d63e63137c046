import { ExpressionError } from '../expression';
import type { Incident, Token } from '../instance-state';
import type { InstanceRuntime } from '../runtime/instance-runtime';

/**
 * Incidents: an expected failure (a FEEL error, no flow to take, a robot that keeps failing)
 * parks the token and becomes a record a person can see, fix and retry.
 */
export function raiseIncident(rt: InstanceRuntime, token: Token, phase: Incident['phase'], message: string, code?: string): void {
	token.s = 'i';
	token.inc = { phase, message, ...(code !== undefined ? { code } : {}) };
	rt.record('incident.created', token, { message });
}

/** Runs `fn`; an ExpressionError becomes an incident on the token. Returns false when it did. */
export function runGuarded(rt: InstanceRuntime, token: Token, phase: Incident['phase'], fn: () => void): boolean {
	try {
		fn();
		return true;
	} catch (error) {
		if (error instanceof ExpressionError || error instanceof ModelError) {
			raiseIncident(rt, token, phase, error.message);
			return false;
		}
		throw error;
	}
}

/** A run-time value that does not fit the model (a collection that is not a list, …). */
export class ModelError extends Error {}
