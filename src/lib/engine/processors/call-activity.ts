import type { ElementProcessor } from './processor';

/** Call activity: the called process (latest version) is started after this step; the token waits for it. */
export const callActivityProcessor: ElementProcessor = {
	activate(rt, token) {
		token.s = 'w';
		rt.uow.effects.push({ kind: 'call', instanceId: rt.id, tokenId: token.id });
	}
};
