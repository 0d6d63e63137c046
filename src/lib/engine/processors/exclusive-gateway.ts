import type { ExecFlow } from '../compiler/executable';
import { raiseIncident, runGuarded } from '../behaviors/incidents';
import { evaluateCondition } from '../expression';
import { complete } from '../runtime/lifecycle';
import type { ElementProcessor } from './processor';

/**
 * Exclusive gateway: the first flow, in document order, whose condition is true (a flow without a
 * condition counts as true), else the default flow, else an incident. Joining is pass-through.
 */
export const exclusiveGatewayProcessor: ElementProcessor = {
	activate(rt, token, element) {
		let chosen: ExecFlow | undefined;
		const ok = runGuarded(rt, token, 'enter', () => {
			const vars = rt.vars(token);
			for (const flow of element.outgoing) {
				if (flow === element.defaultFlow) continue;
				if (!flow.condition || evaluateCondition(flow.condition, vars)) {
					chosen = flow;
					return;
				}
			}
		});
		if (!ok) return;
		chosen ??= element.defaultFlow;
		if (!chosen && element.outgoing.length > 0) {
			raiseIncident(rt, token, 'enter', `No outgoing flow of ${element.id} can be taken: no condition is true and there is no default flow`);
			return;
		}
		complete(rt, token, chosen ? [chosen] : []);
	}
};
