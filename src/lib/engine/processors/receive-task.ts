import { runGuarded } from '../behaviors/incidents';
import { openWait } from '../behaviors/waits';
import type { ElementProcessor } from './processor';

/** Waits for its message. */
export const receiveTaskProcessor: ElementProcessor = {
	activate(rt, token, element) {
		token.s = 'w';
		runGuarded(rt, token, 'enter', () => openWait(rt, token, element));
	}
};
