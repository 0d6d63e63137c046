import type { Token } from '../instance-state';
import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/** Parallel gateway: joins one token from every incoming flow, then takes every outgoing flow. */
export const parallelGatewayProcessor: ElementProcessor = {
	activate(rt, token, element) {
		if (element.incomingCount > 1) {
			token.s = 'j';
			const arrived = new Map<string, Token>();
			if (token.in) arrived.set(token.in, token);
			for (const t of rt.state.tokens) {
				if (t.p === token.p && t.el === element.id && t.s === 'j' && t.in && !arrived.has(t.in)) arrived.set(t.in, t);
			}
			if (arrived.size < element.incomingCount) return;
			for (const other of arrived.values()) {
				if (other === token) continue;
				rt.record('element.completed', other);
				rt.removeToken(other);
			}
		}
		complete(rt, token);
	}
};
