import type { DefinitionsModel, ProcessModel } from '../bpmn/process-model';
import { CommandError } from './command-error';
import { cancelInstance } from './commands/cancel-instance';
import { completeTask, type CompleteTaskInput } from './commands/complete-task';
import { correlateMessage, type CorrelateMessageInput, type CorrelateResult } from './commands/correlate-message';
import { deployProcesses, type DeployResult } from './commands/deploy';
import { fireTimer, type TimerOutcome } from './commands/fire-timer';
import { completeJob, failJob, throwJobError } from './commands/jobs';
import { reevaluateTimers } from './commands/reevaluate-timers';
import { resolveIncident } from './commands/resolve-incident';
import { startInstance, type StartInstanceInput } from './commands/start-instance';
import { compileProcess } from './compiler/compile-process';
import type { ExecutableDefinition } from './compiler/executable';
import { realClock, type Clock } from './clock';
import { defaultProcessors } from './processors/registry';
import type { ProcessorRegistry } from './processors/processor';
import type { RecordInput } from './records';
import { UnitOfWork, type EngineContext } from './runtime/unit-of-work';
import { VersionConflictError, type JobRow, type Store, type StoreTx } from './store';

export interface EngineOptions {
	store: Store;
	clock?: Clock;
	/** Element activations one command may run per instance before a loop becomes an incident. */
	stepBudget?: number;
	processors?: ProcessorRegistry;
	/** Retries of a command that lost an optimistic version race. */
	maxRetries?: number;
}

/** What a command did: its value and the records it appended. */
export interface CommandResult<T> {
	value: T;
	records: RecordInput[];
}

/**
 * The Potok engine. Each method is one command: one store transaction that loads what it needs,
 * runs the instances until every token waits, and writes state, index rows and history at once.
 * Compiled definitions are cached by key (published definitions never change).
 */
export class Engine implements EngineContext {
	readonly store: Store;
	readonly clock: Clock;
	readonly stepBudget: number;
	readonly processors: ProcessorRegistry;
	readonly #maxRetries: number;
	readonly #definitions = new Map<string, ExecutableDefinition>();

	constructor(options: EngineOptions) {
		this.store = options.store;
		this.clock = options.clock ?? realClock;
		this.stepBudget = options.stepBudget ?? 10_000;
		this.processors = options.processors ?? defaultProcessors;
		this.#maxRetries = options.maxRetries ?? 5;
	}

	async definition(tx: StoreTx, key: string): Promise<ExecutableDefinition> {
		const cached = this.#definitions.get(key);
		if (cached) return cached;
		const row = await tx.getDefinition(key);
		if (!row) throw new CommandError('definition-not-found', `No definition ${key}`);
		const compiled = compileProcess(row.model, row.version);
		if (!compiled.ok) throw new Error(`Expected the published definition ${key} to compile, but: ${compiled.issues[0]?.message}`);
		this.#definitions.set(key, compiled.definition);
		return compiled.definition;
	}

	/** Runs `fn` as one command: one transaction, retried on a version conflict. */
	async command<T>(fn: (uow: UnitOfWork) => Promise<T>, actor?: string): Promise<CommandResult<T>> {
		for (let attempt = 0; ; attempt++) {
			try {
				return await this.store.transaction(async (tx) => {
					const uow = new UnitOfWork(this, tx, this.clock.now(), actor);
					const value = await fn(uow);
					await uow.settle();
					return { value, records: uow.records };
				});
			} catch (error) {
				if (!(error instanceof VersionConflictError) || attempt >= this.#maxRetries) throw error;
			}
		}
	}

	/** Publishes processes (all compile, or nothing is deployed). */
	async deploy(model: DefinitionsModel | ProcessModel[]): Promise<DeployResult> {
		const processes = Array.isArray(model) ? model : model.processes;
		const result = await this.command((uow) => deployProcesses(uow.tx, processes, uow.now, uow.changes));
		return result.value;
	}

	startInstance(input: StartInstanceInput, actor?: string): Promise<CommandResult<string>> {
		return this.command((uow) => startInstance(uow, input), actor);
	}

	completeTask(input: CompleteTaskInput, actor?: string): Promise<CommandResult<void>> {
		return this.command((uow) => completeTask(uow, input), actor);
	}

	correlateMessage(input: CorrelateMessageInput, actor?: string): Promise<CommandResult<CorrelateResult>> {
		return this.command((uow) => correlateMessage(uow, input), actor);
	}

	broadcastSignal(name: string, variables: Record<string, unknown> = {}, actor?: string): Promise<CommandResult<number>> {
		return this.command((uow) => uow.broadcastSignal(name, variables), actor);
	}

	/**
	 * Fires every timer due now, earliest first, each in its own command. Timers are claimed with a
	 * lease first, so another process running the same loop does not fire them too. The commands
	 * are issued at once, in due order, so a store may commit them together (they still run one by
	 * one, in that order).
	 */
	async fireDueTimers(limit = 1000, leaseMs = 30_000): Promise<{ fired: number; records: RecordInput[] }> {
		const now = this.clock.now();
		const claimed = await this.store.transaction((tx) => tx.claimDueTimers(now, limit, now + leaseMs));
		const settled = await Promise.allSettled(
			claimed.map(async (timer) => {
				const result = await this.command((uow) => fireTimer(uow, timer));
				// a timer whose wait is gone (stale row) is dropped
				if (result.value === 'stale') await this.command(async (uow) => void uow.changes.timers.remove.push(timer.id));
				return result;
			})
		);
		const failed = settled.find((s) => s.status === 'rejected');
		if (failed) throw failed.reason;
		const results = settled.map((s) => (s as PromiseFulfilledResult<CommandResult<TimerOutcome>>).value);
		return { fired: results.filter((r) => r.value === 'fired').length, records: results.flatMap((r) => r.records) };
	}

	/** Leases due jobs (of one robot type, or all) to a worker. */
	activateJobs(type: string | undefined, limit = 10, leaseMs = 60_000): Promise<JobRow[]> {
		const now = this.clock.now();
		return this.store.transaction((tx) => tx.activateJobs(type, now, limit, now + leaseMs));
	}

	completeJob(jobId: string, variables?: Record<string, unknown>): Promise<CommandResult<void>> {
		return this.command((uow) => completeJob(uow, jobId, variables));
	}

	failJob(jobId: string, message: string, retries?: number): Promise<CommandResult<void>> {
		return this.command((uow) => failJob(uow, jobId, message, retries));
	}

	throwJobError(jobId: string, errorCode: string, variables?: Record<string, unknown>): Promise<CommandResult<void>> {
		return this.command((uow) => throwJobError(uow, jobId, errorCode, variables));
	}

	resolveIncident(instanceId: string, tokenId: number, variables?: Record<string, unknown>, actor?: string): Promise<CommandResult<void>> {
		return this.command((uow) => resolveIncident(uow, instanceId, tokenId, variables), actor);
	}

	/**
	 * Evaluates again the expression timers an instance waits for, after setting `variables` (the
	 * driven record's fresh fields, say), and moves those whose due time changed. Returns how many moved.
	 */
	reevaluateTimers(instanceId: string, variables?: Record<string, unknown>, actor?: string): Promise<CommandResult<number>> {
		return this.command((uow) => reevaluateTimers(uow, instanceId, variables), actor);
	}

	cancelInstance(instanceId: string, actor?: string): Promise<CommandResult<void>> {
		return this.command((uow) => cancelInstance(uow, instanceId), actor);
	}
}
