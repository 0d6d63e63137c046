import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/** A boundary event is activated only once it has been triggered; it continues at once. */
export const boundaryEventProcessor: ElementProcessor = {
	activate: (rt, token) => complete(rt, token)
};
