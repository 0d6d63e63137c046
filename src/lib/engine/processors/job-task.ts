import { runGuarded } from '../behaviors/incidents';
import type { ElementProcessor } from './processor';

/**
 * A task with a robot (service, send, script): its side effect runs as a job after the commit,
 * with retries; the token waits for the job to complete or fail.
 */
export const jobTaskProcessor: ElementProcessor = {
	activate(rt, token, element) {
		const robot = element.robot;
		if (!robot) throw new Error(`Expected a robot on ${element.id}, but it has none`);
		token.s = 'w';
		runGuarded(rt, token, 'enter', () => {
			const vars = rt.vars(token);
			const inputs: Record<string, unknown> = {};
			for (const input of robot.inputs) inputs[input.name] = input.value.evaluate(vars);
			token.job = { type: robot.type, retries: robot.retries, due: rt.now, ...(robot.inputs.length > 0 ? { inputs } : {}) };
		});
	}
};
