import { parseBpmn } from '../bpmn/parse-bpmn';
import { formatIssue, type ProcessModel } from '../bpmn/process-model';
import { VirtualClock } from '../engine/clock';
import { Engine } from '../engine/engine';
import { addDuration, parseDuration } from '../engine/iso-time';
import type { ScriptStep } from './script';
import { toOutputLine, type OutputLine } from './output';
import { memorySimulationStore, type SimulationStore } from './simulation-store';

/** A failure of the model or the script: the CLI prints it on stderr and exits 1. */
export class SimulationError extends Error {}

/**
 * Runs diagrams the way `potok run` and `potok test` do: an in-memory store (or a libsql file) on a
 * virtual clock that starts at 2026-01-01T00:00:00Z. Robots are simulated: their jobs succeed as
 * soon as they are due.
 */
export class Simulator {
	readonly clock = new VirtualClock('2026-01-01T00:00:00Z');
	readonly engine: Engine;
	readonly lines: OutputLine[] = [];
	#printed: number;
	#processes: ProcessModel[] = [];

	constructor(
		private readonly onLine: (line: OutputLine) => void = () => {},
		readonly store: SimulationStore = memorySimulationStore()
	) {
		this.engine = new Engine({ store: store.store, clock: this.clock });
		this.#printed = store.lastSeq;
	}

	/** Parses and deploys a BPMN document; any parse or compile issue is a SimulationError. */
	async deploy(xml: string): Promise<void> {
		const parsed = await parseBpmn(xml);
		if (!parsed.ok) throw new SimulationError(`The diagram cannot be read:\n${parsed.issues.map(formatIssue).join('\n')}`);
		this.#processes = parsed.model.processes.filter((p) => p.isExecutable);
		if (this.#processes.length === 0) throw new SimulationError('The diagram has no executable process (isExecutable="true")');
		const deployed = await this.engine.deploy(this.#processes);
		if (!deployed.ok) throw new SimulationError(`The diagram cannot be compiled:\n${deployed.issues.map(formatIssue).join('\n')}`);
	}

	/** Starts the given process, or every process with a none start event. */
	async start(processId: string | undefined, variables: Record<string, unknown>): Promise<void> {
		const ids = processId
			? [processId]
			: this.#processes.filter((p) => p.elements.some((e) => e.type === 'bpmn:StartEvent' && !e.eventDefinitions?.length)).map((p) => p.id);
		if (processId && !this.#processes.some((p) => p.id === processId)) throw new SimulationError(`No executable process ${processId} in the diagram`);
		for (const id of ids) await this.engine.startInstance({ processId: id, variables });
		await this.#settle();
	}

	async apply(step: ScriptStep, index: number): Promise<void> {
		const where = `script step ${index + 1}`;
		try {
			if ('complete' in step) {
				const task = (await this.store.tasks())
					.filter((t) => t.elementId === step.complete)
					.sort((a, b) => a.createdAt - b.createdAt || Number(a.instanceId) - Number(b.instanceId) || a.tokenId - b.tokenId)[0];
				if (!task) throw new SimulationError(`${where}: no open task ${step.complete}; waiting: [${(await this.waiting()).join(', ')}]`);
				await this.engine.completeTask({
					instanceId: task.instanceId,
					tokenId: task.tokenId,
					...(step.vars ? { variables: step.vars } : {}),
					...(step.outcome ? { outcome: step.outcome } : {})
				});
			} else if ('message' in step) {
				await this.engine.correlateMessage({
					name: step.message,
					correlationKey: step.correlationKey === undefined ? null : String(step.correlationKey),
					...(step.vars ? { variables: step.vars } : {})
				});
			} else if ('signal' in step) {
				await this.engine.broadcastSignal(step.signal, step.vars ?? {});
			} else if ('advance' in step) {
				await this.advance(step.advance, where);
			} else {
				const expected = [...new Set(step.expectWaiting)].sort();
				const actual = [...new Set(await this.waiting())].sort();
				if (expected.join('\n') !== actual.join('\n')) {
					throw new SimulationError(`${where}: expected waiting [${expected.join(', ')}], but waiting [${actual.join(', ')}]`);
				}
			}
		} catch (error) {
			if (error instanceof SimulationError) throw error;
			throw new SimulationError(`${where}: ${(error as Error).message}`);
		}
		await this.#settle();
	}

	/** Moves the clock, firing timers in due order. */
	async advance(duration: string, where = 'advance'): Promise<void> {
		const parsed = parseDuration(duration);
		if (!parsed) throw new SimulationError(`${where}: ${duration} is not an ISO 8601 duration`);
		const target = addDuration(this.clock.now(), parsed);
		for (;;) {
			const next = await this.store.nextDue();
			if (next > target) break;
			this.clock.set(Math.max(this.clock.now(), next));
			await this.engine.fireDueTimers();
			await this.#settle();
		}
		this.clock.set(target);
	}

	/**
	 * Elements waiting for a person or the outside world: user, receive and manual tasks, catch
	 * events. An event-based gateway is not listed itself; the catch events behind it are, since
	 * they are what the instance waits for.
	 */
	async waiting(): Promise<string[]> {
		const out: string[] = [];
		for (const row of await this.store.activeInstances()) {
			const model = await this.store.model(row.definitionKey);
			for (const token of row.state.tokens) {
				if (token.s !== 'w' || token.p === 0) continue;
				const type = model && elementType(model, token.el);
				if (type === 'bpmn:EventBasedGateway') {
					for (const wait of token.w ?? []) out.push(wait.e);
					continue;
				}
				if (type === 'bpmn:UserTask' || type === 'bpmn:ReceiveTask' || type === 'bpmn:ManualTask' || type === 'bpmn:IntermediateCatchEvent') {
					if (!token.mi) out.push(token.el);
				}
			}
		}
		return out.sort();
	}

	/** Completes due robot jobs (simulated robots) and prints new records. */
	async #settle(): Promise<void> {
		for (let round = 0; round < 10_000; round++) {
			const jobs = await this.engine.activateJobs(undefined, 100);
			if (jobs.length === 0) break;
			for (const job of jobs) await this.engine.completeJob(job.id);
		}
		for (const record of await this.store.recordsAfter(this.#printed)) {
			this.#printed = record.seq;
			const line = toOutputLine(record, this.lines.length + 1);
			if (line) {
				this.lines.push(line);
				this.onLine(line);
			}
		}
	}
}

function elementType(model: ProcessModel, elementId: string): string | undefined {
	const find = (elements: ProcessModel['elements']): string | undefined => {
		for (const e of elements) {
			if (e.id === elementId) return e.type;
			const inner = e.elements ? find(e.elements) : undefined;
			if (inner) return inner;
		}
		return undefined;
	};
	return find(model.elements);
}
