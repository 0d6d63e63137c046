import { runGuarded } from '../behaviors/incidents';
import { scheduleDeadline } from '../behaviors/timers';
import { compileExpression } from '../expression';
import type { ElementProcessor } from './processor';

/** Waits for a person to complete it; a `potok:stage` records the stage, `potok:task due` sets its deadline. */
export const userTaskProcessor: ElementProcessor = {
	activate(rt, token, element) {
		token.s = 'w';
		const stage = element.potok?.stage;
		if (stage) rt.record('stage.entered', token, { stage: stage.key ?? element.id });
		const due = element.potok?.task?.due;
		if (due) {
			runGuarded(rt, token, 'enter', () => {
				const value = due.trim();
				token.due = scheduleDeadline(value, value.startsWith('=') ? compileExpression(value) : undefined, element.id, rt.now, rt.vars(token));
			});
		}
	}
};
