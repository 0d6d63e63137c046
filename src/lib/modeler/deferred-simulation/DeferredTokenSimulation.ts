import { afterPaint } from '../after-paint';
import type { Injector } from '../injector';

type Listener = (...args: unknown[]) => unknown;

interface EventBus {
	on(events: string | string[], priority: number | Listener, callback?: Listener | object, that?: object): void;
}

/** Lifecycle events of diagram-js that fire once, while the modeler is built. */
const startupEvents = ['diagram.init', 'keyboard.init'];

/**
 * bpmn-js-token-simulation («Проиграть», about 80 kB of script) is only needed once someone
 * presses play, so the modeler is built without it and `load()` adds it later — ProcessModeler
 * calls it once the diagram is painted, and before the first toggle.
 *
 * bpmn-js takes its modules at construction only; the simulation's modules are instantiated in a
 * child injector of the running modeler instead (they find its event bus, canvas, modeling…
 * through it). Some of them subscribe to `diagram.init` (the toggle and the simulation palette
 * find their place in the canvas) or `keyboard.init` (the simulation's key bindings), which fired
 * long before: those listeners are called once right after the child is built.
 *
 * The simulation's services are reached through `get(name)`, not the modeler's `get`.
 */
export default class DeferredTokenSimulation {
	static $inject = ['injector', 'eventBus'];

	private child: Injector | undefined;
	private loading: Promise<void> | undefined;
	private destroyed = false;

	constructor(
		private readonly injector: Injector,
		private readonly eventBus: EventBus
	) {
		eventBus.on('diagram.destroy', () => (this.destroyed = true));
	}

	/**
	 * Loads the token simulation, once, after the next paint unless `now` (someone pressed play);
	 * resolves when it can be toggled.
	 */
	load(now = false): Promise<void> {
		this.loading ??= (now ? Promise.resolve() : afterPaint()).then(() => this.mount());
		return this.loading;
	}

	/** A service of the token simulation (`toggleMode`, `simulator`…), once loaded. */
	get<T>(name: string): T | undefined {
		return this.child?.get<T>(name, false) ?? undefined;
	}

	private async mount(): Promise<void> {
		const { simulationModules } = await import('./simulation-modules');
		if (this.destroyed) return;
		const missed: (() => void)[] = [];
		const bus = this.eventBus;
		const on = bus.on;
		const ownOn = Object.hasOwn(bus, 'on');
		// note the listeners the new services add for events that will not fire again
		bus.on = function (events, priority, callback, that) {
			const [listener, self] = typeof priority === 'function' ? [priority, callback as object | undefined] : [callback as Listener, that];
			if ((Array.isArray(events) ? events : [events]).some((name) => startupEvents.includes(name))) missed.push(() => listener.call(self, {}));
			return on.call(bus, events, priority, callback, that);
		};
		let child: Injector;
		try {
			child = this.injector.createChild(simulationModules);
			child.init();
		} finally {
			if (ownOn) bus.on = on;
			else delete (bus as Partial<EventBus>).on;
		}
		for (const call of missed) call();
		this.child = child;
	}
}
