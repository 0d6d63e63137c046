import { runGuarded } from '../behaviors/incidents';
import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/**
 * A FEEL script: its value goes to `potok:resultVariable`, or, when it is a context, its entries
 * become variables. A task without a script completes at once.
 */
export const scriptTaskProcessor: ElementProcessor = {
	activate(rt, token, element) {
		const script = element.script;
		if (script) {
			const ok = runGuarded(rt, token, 'enter', () => {
				const value = script.expression.evaluate(rt.vars(token));
				if (script.resultVariable) rt.setVariables(token, { [script.resultVariable]: value });
				else if (value && typeof value === 'object' && !Array.isArray(value)) rt.setVariables(token, value as Record<string, unknown>);
			});
			if (!ok) return;
		}
		complete(rt, token);
	}
};
