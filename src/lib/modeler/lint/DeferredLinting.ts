import BpmnLintModule from 'bpmn-js-bpmnlint';

interface EventBus {
	on(event: string, callback: () => void): void;
}
interface Linting {
	update(): void;
	toggle(active?: boolean): boolean;
}
type LintingConstructor = (new (...services: unknown[]) => Linting) & { $inject: string[] };

/** bpmn-js-bpmnlint's own service, which it does not export by name. */
const BaseLinting = (BpmnLintModule.linting as [string, LintingConstructor])[1];

/** How long the diagram must stay unchanged before it is linted again. */
export const lintDelay = 300;

/**
 * bpmn-js-bpmnlint lints the whole diagram as part of `import.done` and after every command; on a
 * diagram of a thousand elements that is most of a second on the main thread, before the first
 * paint and on every keystroke in the properties panel. This keeps its behaviour but lints once
 * the diagram has been still for `lintDelay` ms (after the import has been painted), and never
 * after the diagram is destroyed — a late run would draw overlays on a canvas that is gone.
 */
export default class DeferredLinting extends BaseLinting {
	static $inject = BaseLinting.$inject;

	private pending: ReturnType<typeof setTimeout> | undefined;
	private destroyed = false;

	constructor(...services: unknown[]) {
		super(...services);
		const eventBus = services[BaseLinting.$inject.indexOf('eventBus')] as EventBus;
		eventBus.on('diagram.destroy', () => {
			this.destroyed = true;
			clearTimeout(this.pending);
			this.toggle(false);
		});
	}

	update(): void {
		clearTimeout(this.pending);
		if (this.destroyed) return;
		this.pending = setTimeout(() => {
			if (!this.destroyed) super.update();
		}, lintDelay);
	}
}
