import { runGuarded } from '../behaviors/incidents';
import { openEventSubProcessWaits } from '../behaviors/waits';
import type { ElementProcessor } from './processor';

/** Embedded subprocess: a scope with its own event subprocesses, entered at its none start. */
export const subProcessProcessor: ElementProcessor = {
	activate(rt, token, element) {
		token.s = 's';
		if (!runGuarded(rt, token, 'enter', () => openEventSubProcessWaits(rt, token, element))) return;
		const start = element.noneStart;
		if (!start) throw new Error(`Expected a none start event in ${element.id}, but the compiler let it through`);
		rt.queue(start.id, token.id);
	}
};

/** Event subprocess: started by its trigger inside the enclosing scope. */
export const eventSubProcessProcessor: ElementProcessor = {
	activate(rt, token, element) {
		token.s = 's';
		if (!runGuarded(rt, token, 'enter', () => openEventSubProcessWaits(rt, token, element))) return;
		const start = element.trigger;
		if (!start) throw new Error(`Expected a start event in ${element.id}, but the compiler let it through`);
		rt.queue(start.id, token.id);
	}
};
