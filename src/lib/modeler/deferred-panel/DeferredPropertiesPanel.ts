import { afterPaint } from '../after-paint';
import type { Injector } from '../injector';

interface EventBus {
	on(event: string, callback: () => void): void;
}
interface CommandStack {
	registerHandler(command: string, handler: unknown): void;
	execute(command: string, context: unknown): void;
}
interface Keyboard {
	getBinding(): Element | null;
	bind(): void;
}
interface DiagramElement {
	type?: string;
	labelTarget?: DiagramElement;
}
interface PanelRenderer {
	attachTo(parent: HTMLElement): void;
	/** bpmn-js-properties-panel's own render, which it runs on `root.added`. */
	_render(element?: DiagramElement | DiagramElement[]): void;
}

/**
 * bpmn-js-properties-panel's multi-command executor: runs several commands as one undo step.
 * The panel registers it on `diagram.init`, which is over by the time the panel is loaded.
 */
class MultiCommandHandler {
	static $inject = ['commandStack'];

	constructor(private readonly commandStack: CommandStack) {}

	preExecute(context: { cmd: string; context: unknown }[]): void {
		for (const command of context) this.commandStack.execute(command.cmd, command.context);
	}
}

/**
 * The properties panel (bpmn-js-properties-panel with the BPMN and Potok providers: about a
 * megabyte of script with its FEEL editors, and its stylesheet; `./panel-modules`) is not needed to draw the diagram, so the modeler is
 * built without it and `load()` adds it once the diagram has been painted.
 *
 * bpmn-js takes its modules at construction only; the panel's modules are instantiated in a child
 * injector of the running modeler instead (their services find the modeler's event bus, command
 * stack, translate… through it). They subscribe to lifecycle events that fired long before, so
 * `load()` does what they would have done then: registers the multi-command handler and attaches
 * to `config.propertiesPanel.parent` (`diagram.init`), binds undo/redo inside the panel
 * (`keyboard.bind`) and renders the current selection (`root.added`, `selection.changed`).
 *
 * The panel's services are reached through `get(name)`, not the modeler's `get`.
 */
export default class DeferredPropertiesPanel {
	static $inject = ['injector', 'eventBus', 'config.propertiesPanel'];

	private child: Injector | undefined;
	private loading: Promise<void> | undefined;
	private destroyed = false;

	constructor(
		private readonly injector: Injector,
		eventBus: EventBus,
		private readonly config: { parent?: HTMLElement } | undefined
	) {
		eventBus.on('diagram.destroy', () => (this.destroyed = true));
	}

	/** Loads and shows the panel, once, after the next paint; resolves when it is rendered. */
	load(): Promise<void> {
		this.loading ??= this.mount();
		return this.loading;
	}

	/** A service of the panel (`propertiesPanel`, `potokPropertiesProvider`…), once loaded. */
	get<T>(name: string): T | undefined {
		return this.child?.get<T>(name, false) ?? undefined;
	}

	private async mount(): Promise<void> {
		await afterPaint();
		const { panelModules } = await import('./panel-modules');
		if (this.destroyed) return;
		const parent = this.injector;
		const child = parent.createChild(panelModules);
		child.init();
		this.child = child;

		parent.get<CommandStack>('commandStack')!.registerHandler('properties-panel.multi-command-executor', MultiCommandHandler);
		const panel = child.get<PanelRenderer>('propertiesPanel')!;
		if (this.config?.parent) panel.attachTo(this.config.parent);
		// binding the keyboard again announces `keyboard.bind` to the panel (it only rebinds the canvas)
		const keyboard = parent.get<Keyboard>('keyboard', false);
		if (keyboard?.getBinding()) keyboard.bind();
		const selected = (parent.get<{ get(): DiagramElement[] }>('selection')?.get() ?? []).map((element) => (element.type === 'label' ? element.labelTarget! : element));
		panel._render(selected.length > 1 ? selected : selected[0]);
	}
}
