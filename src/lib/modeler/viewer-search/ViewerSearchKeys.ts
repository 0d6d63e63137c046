interface KeyboardEventContext {
	keyEvent: KeyboardEvent;
}
interface Keyboard {
	addListener(listener: (context: KeyboardEventContext) => boolean | void): void;
}
interface SearchPad {
	toggle(): void;
}

/** Binds Ctrl/Cmd+F to the search pad, as the Modeler's editor actions do. */
export default class ViewerSearchKeys {
	static $inject = ['keyboard', 'searchPad'];

	constructor(keyboard: Keyboard, searchPad: SearchPad) {
		keyboard.addListener(({ keyEvent }) => {
			const isF = keyEvent.code === 'KeyF' || keyEvent.key.toLowerCase() === 'f';
			if (!(keyEvent.ctrlKey || keyEvent.metaKey) || !isF) return;
			searchPad.toggle();
			return true;
		});
	}
}
