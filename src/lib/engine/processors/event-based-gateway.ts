import { runGuarded } from '../behaviors/incidents';
import { openWait } from '../behaviors/waits';
import type { ElementProcessor } from './processor';

/** Event-based gateway: waits for the first of the events behind it (deferred choice). */
export const eventBasedGatewayProcessor: ElementProcessor = {
	activate(rt, token, element) {
		token.s = 'w';
		runGuarded(rt, token, 'enter', () => {
			for (const flow of element.outgoing) openWait(rt, token, flow.target);
		});
	}
};
