import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/** Plain, manual, and service or send tasks without a robot: nothing to wait for (a plain task may still mark a stage). */
export const immediateTaskProcessor: ElementProcessor = {
	activate(rt, token, element) {
		const stage = element.potok?.stage;
		if (stage) rt.record('stage.entered', token, { stage: stage.key ?? element.id });
		complete(rt, token);
	}
};
