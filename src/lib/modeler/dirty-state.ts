/** What diagram-js passes as `trigger` on `commandStack.changed`. */
export type StackTrigger = 'execute' | 'undo' | 'redo' | 'clear' | null | undefined;

/**
 * Whether the diagram differs from the last saved one, worked out from the public
 * `commandStack.changed` events alone: every `execute`, `undo` and `redo` moves the stack
 * position by one undoable step, `clear` empties the history. Saving remembers the position; an
 * execute below it drops the redo steps, so the saved state can no longer be reached by undo.
 *
 * `carried` covers changes the current history does not hold: a diagram uploaded into the open
 * modeler, or edits made before the modeler was rebuilt (another locale), until the next save.
 */
export class DirtyState {
	private position = 0;
	private savedAt: number | undefined = 0;
	private carried = false;

	/** Feeds one `commandStack.changed` event. */
	stackChanged(trigger: StackTrigger): void {
		if (trigger === 'execute') {
			if (this.savedAt !== undefined && this.position < this.savedAt) this.savedAt = undefined;
			this.position += 1;
		} else if (trigger === 'undo') {
			this.position -= 1;
		} else if (trigger === 'redo') {
			this.position += 1;
		} else if (trigger === 'clear') {
			this.position = 0;
			this.savedAt = 0;
		}
	}

	/** Starts over with an empty history; `carried` says whether the diagram is already unsaved. */
	reset(carried: boolean): void {
		this.position = 0;
		this.savedAt = 0;
		this.carried = carried;
	}

	/** The current diagram is the saved one. */
	markSaved(): void {
		this.savedAt = this.position;
		this.carried = false;
	}

	get dirty(): boolean {
		return this.carried || this.position !== this.savedAt;
	}
}
