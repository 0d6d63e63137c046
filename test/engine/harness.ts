import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn } from '../../src/lib/bpmn';
import { Engine, VirtualClock, type RecordInput } from '../../src/lib/engine';
import { parseDuration, addDuration } from '../../src/lib/engine/iso-time';
import { storeUnderTest, type StoreSnapshot, type StoreUnderTest } from './stores';

/**
 * The one harness of the conformance suite (STYLE rule 16): a hand-written `.bpmn` from
 * `fixtures/`, deployed into a store (`POTOK_ENGINE_STORE`, see stores.ts) on a virtual clock
 * starting 2026-01-01T00:00:00Z; `store` is what the store holds after the last command; commands
 * are applied one by one and `take()` returns the records since the last call, one line each:
 * `activated:<element>`, `completed:…`, `terminated:…`, `flow:<flow>`, `incident:<element>`,
 * `resolved:…`, `variables:…`, `stage:<key>`, `status:<won|lost…>`, `instance:started|completed|terminated`. Records of instances
 * other than the first carry their id as a prefix (`2 activated:child_task`).
 */
export class Scenario {
	readonly clock = new VirtualClock('2026-01-01T00:00:00Z');
	readonly engine: Engine;
	/** What the store holds, read back after every command of the harness. */
	store!: StoreSnapshot;
	#seen = 0;

	private constructor(
		readonly underTest: StoreUnderTest,
		stepBudget?: number
	) {
		this.engine = new Engine({ store: underTest.store, clock: this.clock, ...(stepBudget ? { stepBudget } : {}) });
	}

	static async load(fixture: string, options: { stepBudget?: number } = {}): Promise<Scenario> {
		const scenario = new Scenario(await storeUnderTest(), options.stepBudget);
		const parsed = await parseBpmn(readFileSync(join(import.meta.dirname, 'fixtures', fixture), 'utf8'));
		if (!parsed.ok) throw new Error(`Fixture ${fixture} does not parse: ${JSON.stringify(parsed.issues)}`);
		const deployed = await scenario.engine.deploy(parsed.model);
		if (!deployed.ok) throw new Error(`Fixture ${fixture} does not compile: ${JSON.stringify(deployed.issues)}`);
		await scenario.sync();
		return scenario;
	}

	/** Reads the store back; every harness command does it. */
	async sync(): Promise<void> {
		this.store = await this.underTest.snapshot();
	}

	/** Runs an engine call directly, then reads the store back (also when the call fails). */
	async run<T>(call: (engine: Engine) => Promise<T>): Promise<T> {
		try {
			return await call(this.engine);
		} finally {
			await this.sync();
		}
	}

	async start(processId: string, variables: Record<string, unknown> = {}): Promise<string> {
		return (await this.run((e) => e.startInstance({ processId, variables }))).value;
	}

	/** Completes the oldest open task of an element. */
	async complete(elementId: string, variables?: Record<string, unknown>, outcome?: string): Promise<void> {
		const task = [...this.store.tasks.values()]
			.filter((t) => t.elementId === elementId)
			.sort((a, b) => Number(a.instanceId) - Number(b.instanceId) || a.tokenId - b.tokenId)[0];
		if (!task) throw new Error(`No open task ${elementId}; waiting: ${this.waiting().join(', ')}`);
		await this.run((e) => e.completeTask({ instanceId: task.instanceId, tokenId: task.tokenId, ...(variables ? { variables } : {}), ...(outcome ? { outcome } : {}) }));
	}

	message(name: string, correlationKey?: string, variables?: Record<string, unknown>, timeToLive?: string) {
		return this.run((e) => e.correlateMessage({ name, correlationKey: correlationKey ?? null, ...(variables ? { variables } : {}), ...(timeToLive ? { timeToLive } : {}) }));
	}

	signal(name: string, variables?: Record<string, unknown>) {
		return this.run((e) => e.broadcastSignal(name, variables));
	}

	/** Moves the clock, firing what falls due in due order. */
	async advance(duration: string): Promise<void> {
		const parsed = parseDuration(duration);
		if (!parsed) throw new Error(`Bad duration ${duration}`);
		const target = addDuration(this.clock.now(), parsed);
		for (;;) {
			const next = Math.min(...[...this.store.timers.values()].map((t) => t.dueAt));
			if (!(next <= target)) break;
			this.clock.set(Math.max(this.clock.now(), next));
			await this.run((e) => e.fireDueTimers());
		}
		this.clock.set(target);
	}

	/** Completes the oldest open job of an element (its robot succeeded). */
	async completeJob(elementId: string, variables?: Record<string, unknown>): Promise<void> {
		await this.run((e) => e.completeJob(this.#job(elementId), variables));
	}

	async failJob(elementId: string, message: string): Promise<void> {
		await this.run((e) => e.failJob(this.#job(elementId), message));
	}

	async throwJobError(elementId: string, code: string): Promise<void> {
		await this.run((e) => e.throwJobError(this.#job(elementId), code));
	}

	#job(elementId: string): string {
		const job = [...this.store.jobs.values()].find((j) => j.elementId === elementId);
		if (!job) throw new Error(`No open job ${elementId}`);
		return job.id;
	}

	/** The token id of the incident on an element. */
	incident(elementId: string, instanceId = '1'): number {
		const token = this.store.instances.get(instanceId)?.state.tokens.find((t) => t.el === elementId && t.inc);
		if (!token) throw new Error(`No incident on ${elementId}`);
		return token.id;
	}

	/** Elements waiting for something outside (tasks, catch events, jobs, called processes), sorted. */
	waiting(): string[] {
		const out: string[] = [];
		for (const row of this.store.instances.values()) {
			for (const t of row.state.tokens) if (t.s === 'w' && !t.mi && t.p !== 0) out.push(t.el);
		}
		return out.sort();
	}

	status(instanceId = '1'): string | undefined {
		return this.store.instances.get(instanceId)?.status;
	}

	variables(instanceId = '1'): Record<string, unknown> {
		return this.store.instances.get(instanceId)?.state.tokens.find((t) => t.p === 0)?.v ?? {};
	}

	/** Records since the previous call, as compact lines. */
	take(): string[] {
		const records = this.store.history.slice(this.#seen);
		this.#seen = this.store.history.length;
		return records.map(line);
	}
}

export function line(record: RecordInput): string {
	const prefix = record.instance === '1' ? '' : `${record.instance} `;
	const body = ((): string => {
		switch (record.event) {
			case 'flow.taken': return `flow:${record.element}`;
			case 'instance.started': return 'instance:started';
			case 'instance.completed': return 'instance:completed';
			case 'instance.terminated': return 'instance:terminated';
			case 'stage.entered': return `stage:${record.stage}`;
			case 'status.set': return `status:${record.status}`;
			default: {
				const kind = record.event.slice(record.event.indexOf('.') + 1);
				const name = kind === 'created' ? 'incident' : kind === 'changed' ? 'variables' : kind;
				const body = record.elementType === 'bpmn:MultiInstanceBody' ? `${record.element}[mi]` : record.element;
				return `${name}:${body}`;
			}
		}
	})();
	return prefix + body;
}
