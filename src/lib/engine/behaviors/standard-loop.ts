import type { ExecElement } from '../compiler/executable';
import { evaluateCondition } from '../expression';
import type { Token } from '../instance-state';
import type { InstanceRuntime } from '../runtime/instance-runtime';

/**
 * Standard loop (BPMN `standardLoopCharacteristics`): the activity runs again while the loop
 * condition holds, at most `loopMaximum` times; `testBefore` checks before each run.
 */
export function skipBeforeFirst(rt: InstanceRuntime, token: Token, element: ExecElement): boolean {
	const loop = element.loop;
	if (loop?.kind !== 'standard' || !loop.testBefore || token.lc !== undefined) return false;
	return !shouldRun(rt, token, token.lc ?? 0);
}

export function loopAgain(rt: InstanceRuntime, token: Token, element: ExecElement): boolean {
	const loop = element.loop;
	if (loop?.kind !== 'standard') return false;
	return shouldRun(rt, token, (token.lc ?? 0) + 1);
}

function shouldRun(rt: InstanceRuntime, token: Token, done: number): boolean {
	const loop = rt.element(token).loop;
	if (loop?.kind !== 'standard') return false;
	if (loop.maximum !== undefined && done >= loop.maximum) return false;
	if (!loop.condition) return true;
	token.v = { ...token.v, loopCounter: done };
	return evaluateCondition(loop.condition, rt.vars(token));
}
