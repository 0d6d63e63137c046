import { raiseIncident, runGuarded } from '../behaviors/incidents';
import { throwEvent } from '../behaviors/errors';
import { triggerWait } from '../behaviors/triggers';
import { openEventSubProcessWaits } from '../behaviors/waits';
import type { ExecElement, ExecutableDefinition } from '../compiler/executable';
import type { InstanceState, Token, Wait } from '../instance-state';
import { retryInclusiveJoins } from '../processors/inclusive-gateway';
import type { ProcessorRegistry } from '../processors/processor';
import type { RecordInput } from '../records';
import { emptyChanges, type StoreChanges, type StoreTx } from '../store';
import type { Effect } from './effects';
import { collectIndex, diffIndex, signatures } from './index-rows';
import { InstanceRuntime } from './instance-runtime';
import { activate, complete, terminateInstance } from './lifecycle';

/** What a unit of work needs from the engine. */
export interface EngineContext {
	processors: ProcessorRegistry;
	stepBudget: number;
	definition(tx: StoreTx, key: string): Promise<ExecutableDefinition>;
}

/**
 * One command's work: the instances it loaded or created, the records it produced, and what it
 * must write. `settle()` runs every instance until all tokens wait, then writes once.
 */
export class UnitOfWork {
	readonly records: RecordInput[] = [];
	readonly effects: Effect[] = [];
	readonly openedMessageWaits: { rt: InstanceRuntime; token: Token; wait: Wait }[] = [];
	readonly loaded = new Map<string, InstanceRuntime>();
	/** Changes not derived from instances: definition-level timers, buffered messages. */
	readonly changes: StoreChanges = emptyChanges();
	readonly consumedMessages = new Set<string>();
	/** Element activations in this command, over all instances. */
	steps = 0;

	constructor(
		readonly engine: EngineContext,
		readonly tx: StoreTx,
		readonly now: number,
		readonly actor?: string
	) {}

	get processors(): ProcessorRegistry {
		return this.engine.processors;
	}

	get stepBudget(): number {
		return this.engine.stepBudget;
	}

	definition(key: string): Promise<ExecutableDefinition> {
		return this.engine.definition(this.tx, key);
	}

	async load(instanceId: string): Promise<InstanceRuntime | undefined> {
		const cached = this.loaded.get(instanceId);
		if (cached) return cached;
		const row = await this.tx.loadInstance(instanceId);
		if (!row) return undefined;
		const def = await this.definition(row.definitionKey);
		const rt = new InstanceRuntime(this, row.state, def, row, signatures(collectIndex(row.state, def)));
		this.loaded.set(instanceId, rt);
		return rt;
	}

	/** Creates an instance and queues its start event; it runs when the unit settles. */
	async createInstance(
		def: ExecutableDefinition,
		start: ExecElement,
		variables: Record<string, unknown>,
		parent?: { instance: string; token: number }
	): Promise<InstanceRuntime> {
		const id = await this.tx.newInstanceId();
		const state: InstanceState = { id, def: def.key, st: 'active', next: 1, tokens: [] };
		if (parent) state.parent = parent;
		const rt = new InstanceRuntime(this, state, def, undefined, new Map());
		this.loaded.set(id, rt);
		const root = rt.createToken(def.processId, 0, 's');
		root.v = { ...variables };
		rt.record('instance.started', undefined, { element: def.processId, definition: def.key });
		if (runGuarded(rt, root, 'enter', () => openEventSubProcessWaits(rt, root, def.root))) rt.queue(start.id, root.id);
		return rt;
	}

	/** Runs every agenda and effect until nothing moves, then writes everything in one `apply`. */
	async settle(): Promise<void> {
		for (;;) {
			this.drain();
			const effect = this.effects.shift();
			if (effect) {
				await this.#resolve(effect);
				continue;
			}
			const opened = this.openedMessageWaits.shift();
			if (opened) {
				await this.#checkBuffered(opened.rt, opened.token, opened.wait);
				continue;
			}
			break;
		}
		await this.tx.apply(this.#collectChanges());
	}

	drain(): void {
		let moved = true;
		while (moved) {
			moved = false;
			for (const rt of this.loaded.values()) {
				for (let token = rt.agenda.shift(); token; token = rt.agenda.shift()) {
					moved = true;
					if (token.s === 'q' && rt.state.st === 'active') activate(rt, token);
				}
				if (rt.state.st === 'active' && rt.state.tokens.some((t) => t.s === 'j')) {
					retryInclusiveJoins(rt);
					if (rt.agenda.length > 0) moved = true;
				}
			}
		}
	}

	/** Triggers every waiting signal subscription, in loaded and stored instances, and signal starts. */
	async broadcastSignal(name: string, variables: Record<string, unknown>): Promise<number> {
		const rows = await this.tx.signalSubscriptions(name);
		const ids = new Set<string>(this.loaded.keys());
		for (const row of rows) if (row.instanceId) ids.add(row.instanceId);
		let triggered = 0;
		for (const id of ids) {
			const rt = await this.load(id);
			if (!rt || rt.state.st !== 'active') continue;
			const pairs: { token: Token; wait: Wait }[] = [];
			for (const token of rt.state.tokens) for (const wait of token.w ?? []) if (wait.k === 's' && wait.name === name) pairs.push({ token, wait });
			for (const { token, wait } of pairs) {
				if (!rt.state.tokens.includes(token) || !token.w?.includes(wait)) continue;
				triggerWait(rt, token, wait, variables);
				triggered++;
			}
		}
		for (const row of rows) {
			if (!row.definitionKey) continue;
			const def = await this.definition(row.definitionKey);
			const start = def.elements.get(row.elementId);
			if (start) {
				await this.createInstance(def, start, variables);
				triggered++;
			}
		}
		return triggered;
	}

	async #checkBuffered(rt: InstanceRuntime, token: Token, wait: Wait): Promise<void> {
		if (rt.state.st !== 'active' || !token.w?.includes(wait)) return;
		const message = await this.tx.findBufferedMessage(wait.name ?? '', wait.key ?? null, this.now, this.consumedMessages);
		if (!message) return;
		this.consumedMessages.add(message.id);
		this.changes.bufferedMessages.remove.push(message.id);
		triggerWait(rt, token, wait, message.variables);
	}

	async #resolve(effect: Effect): Promise<void> {
		switch (effect.kind) {
			case 'signal':
				await this.broadcastSignal(effect.name, effect.variables);
				return;
			case 'call':
				return this.#call(effect.instanceId, effect.tokenId);
			case 'cancel': {
				const child = await this.load(effect.instanceId);
				if (child && child.state.st === 'active') terminateInstance(child);
				return;
			}
			case 'child-completed': {
				const parent = await this.load(effect.parent.instance);
				const token = parent?.token(effect.parent.token);
				if (!parent || !token || token.call !== effect.child) return;
				delete token.call;
				parent.setVariables(token, effect.variables);
				complete(parent, token);
				return;
			}
			case 'child-escalation': {
				const parent = await this.load(effect.parent.instance);
				const token = parent?.token(effect.parent.token);
				if (!parent || !token || token.call !== effect.child) return;
				throwEvent(parent, token, 'escalation', effect.code);
				return;
			}
			case 'child-error': {
				const child = await this.load(effect.child);
				if (child && child.state.st === 'active') terminateInstance(child);
				const parent = await this.load(effect.parent.instance);
				const token = parent?.token(effect.parent.token);
				if (!parent || !token || token.call !== effect.child) return;
				delete token.call;
				throwEvent(parent, token, 'error', effect.code, effect.variables);
				return;
			}
		}
	}

	async #call(instanceId: string, tokenId: number): Promise<void> {
		const rt = this.loaded.get(instanceId);
		const token = rt?.token(tokenId);
		if (!rt || !token || token.s !== 'w') return;
		const element = rt.element(token);
		const row = await this.tx.latestDefinition(element.calledElement ?? '');
		if (!row) return raiseIncident(rt, token, 'enter', `${element.id} calls the process ${element.calledElement}, which is not deployed`);
		const def = await this.definition(row.key);
		const start = def.starts.none;
		if (!start) return raiseIncident(rt, token, 'enter', `${element.id} calls ${def.processId}, which has no none start event`);
		const child = await this.createInstance(def, start, rt.vars(token).toObject(), { instance: rt.id, token: token.id });
		token.call = child.id;
	}

	#collectChanges(): StoreChanges {
		const changes = this.changes;
		changes.records = this.records;
		for (const rt of this.loaded.values()) {
			if (!rt.dirty) continue;
			diffIndex(rt.indexBefore, collectIndex(rt.state, rt.def), changes);
			const version = rt.row?.version ?? 0;
			changes.instances.push({
				row: { id: rt.id, definitionKey: rt.def.key, version: version + 1, status: rt.state.st, state: rt.state },
				expectedVersion: version
			});
		}
		return changes;
	}
}
