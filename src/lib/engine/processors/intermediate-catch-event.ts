import { runGuarded } from '../behaviors/incidents';
import { openWait } from '../behaviors/waits';
import type { ElementProcessor } from './processor';

/** Waits for its timer, message or signal. */
export const intermediateCatchEventProcessor: ElementProcessor = {
	activate(rt, token, element) {
		token.s = 'w';
		runGuarded(rt, token, 'enter', () => openWait(rt, token, element));
	}
};
