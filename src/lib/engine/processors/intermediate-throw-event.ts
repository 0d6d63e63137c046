import { throwEvent } from '../behaviors/errors';
import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/** Throws a signal or an escalation (or nothing) and continues. */
export const intermediateThrowEventProcessor: ElementProcessor = {
	activate(rt, token, element) {
		const event = element.event;
		if (event.type === 'signal') rt.uow.effects.push({ kind: 'signal', name: event.name, variables: {} });
		if (event.type === 'escalation' && throwEvent(rt, token, 'escalation', event.code)) return;
		complete(rt, token);
	}
};
