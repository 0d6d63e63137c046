import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/** A start event has already happened when its token is activated. */
export const startEventProcessor: ElementProcessor = {
	activate: (rt, token) => complete(rt, token)
};
