import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/** Plain, manual, and service or send tasks without a robot: nothing to wait for. */
export const immediateTaskProcessor: ElementProcessor = {
	activate: (rt, token) => complete(rt, token)
};
