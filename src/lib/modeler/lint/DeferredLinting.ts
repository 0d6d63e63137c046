import BpmnLintModule from 'bpmn-js-bpmnlint';

interface EventBus {
	on(event: string, callback: () => void): void;
}
interface LinterConfig {
	config: unknown;
	resolver: unknown;
}
interface Linting {
	update(): void;
	toggle(active?: boolean): boolean;
	setLinterConfig(config: LinterConfig): void;
}
type LintingConstructor = (new (...services: unknown[]) => Linting) & { $inject: string[] };

/** bpmn-js-bpmnlint's own service, which it does not export by name. */
const BaseLinting = (BpmnLintModule.linting as [string, LintingConstructor])[1];

/** How long the diagram must stay unchanged before it is linted again. */
export const lintDelay = 300;

/**
 * bpmn-js-bpmnlint lints the whole diagram as part of `import.done` and after every command; on a
 * diagram of a thousand elements that is most of a second on the main thread, before the first
 * paint and on every keystroke in the properties panel. This keeps its behaviour but:
 * - lints once the diagram has been still for `lintDelay` ms (so after the import is painted);
 * - loads the rules (bpmnlint's and Potok's, with the FEEL parser) only then, off the path to the
 *   first paint, and reports nothing before they are there rather than an empty result;
 * - never lints after the diagram is destroyed — a late run drew overlays on a canvas that is gone.
 */
export default class DeferredLinting extends BaseLinting {
	static $inject = BaseLinting.$inject;

	private pending: ReturnType<typeof setTimeout> | undefined;
	private configured = false;
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
			if (this.destroyed) return;
			if (this.configured) super.update();
			else void this.configure();
		}, lintDelay);
	}

	private async configure(): Promise<void> {
		const { lintConfig, lintResolver } = await import('$lib/lint/lint-config');
		if (this.destroyed || this.configured) return;
		this.configured = true;
		this.setLinterConfig({ config: lintConfig, resolver: lintResolver });
		// the diagram has already been still for lintDelay: lint now, not after another delay
		clearTimeout(this.pending);
		super.update();
	}
}
