import { throwEvent } from '../behaviors/errors';
import { complete, completeScopeIfDone, terminateChildren } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/**
 * End events: none, message (sent by a robot job elsewhere, here it completes), signal
 * (broadcast), error and escalation (thrown to the nearest catch), terminate (ends its scope).
 */
export const endEventProcessor: ElementProcessor = {
	activate(rt, token, element) {
		const status = element.potok?.status;
		if (status) rt.record('status.set', token, { status });
		const event = element.event;
		switch (event.type) {
			case 'terminate': {
				const scope = token.p;
				terminateChildren(rt, scope, token);
				complete(rt, token);
				completeScopeIfDone(rt, scope);
				return;
			}
			case 'error':
				throwEvent(rt, token, 'error', event.code);
				return;
			case 'escalation':
				if (!throwEvent(rt, token, 'escalation', event.code)) complete(rt, token);
				return;
			case 'signal':
				rt.uow.effects.push({ kind: 'signal', name: event.name, variables: {} });
				complete(rt, token);
				return;
			default:
				complete(rt, token);
		}
	}
};
