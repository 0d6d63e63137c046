import type { Engine } from './engine';
import type { JobRow } from './store';

/** Does a robot's work; its result becomes process variables. */
export type RobotHandler = (job: JobRow) => Promise<Record<string, unknown> | void>;

/** Thrown by a robot to raise a BPMN error (caught by an error boundary or event subprocess). */
export class RobotBusinessError extends Error {
	constructor(
		readonly code: string,
		message = code
	) {
		super(message);
	}
}

export interface SchedulerOptions {
	/** Pause between passes when nothing was due. */
	intervalMs?: number;
	/** How long a claimed timer or job stays leased to this process. */
	leaseMs?: number;
	batch?: number;
	robots?: Record<string, RobotHandler>;
	onError?: (error: unknown) => void;
}

/**
 * The background loop of an app process: fires due timers and runs due robot jobs. Timers and jobs
 * are claimed with leases in the store, so several processes on one database never fire the same
 * timer twice, and a crashed process's leases expire and are taken over.
 */
export class Scheduler {
	readonly #engine: Engine;
	readonly #options: Required<Omit<SchedulerOptions, 'robots' | 'onError'>> & Pick<SchedulerOptions, 'robots' | 'onError'>;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running: Promise<void> | undefined;
	#stopped = true;

	constructor(engine: Engine, options: SchedulerOptions = {}) {
		this.#engine = engine;
		this.#options = { intervalMs: 1000, leaseMs: 30_000, batch: 100, ...options };
	}

	/** One pass: every due timer, then every due job of a robot this process knows. */
	async tick(): Promise<{ timers: number; jobs: number }> {
		const { fired } = await this.#engine.fireDueTimers(this.#options.batch, this.#options.leaseMs);
		let jobs = 0;
		for (const [type, handler] of Object.entries(this.#options.robots ?? {})) {
			const claimed = await this.#engine.activateJobs(type, this.#options.batch, this.#options.leaseMs);
			for (const job of claimed) {
				jobs++;
				await this.#runJob(job, handler);
			}
		}
		return { timers: fired, jobs };
	}

	start(): void {
		if (!this.#stopped) return;
		this.#stopped = false;
		const loop = async () => {
			if (this.#stopped) return;
			try {
				await this.tick();
			} catch (error) {
				this.#options.onError?.(error);
			}
			if (!this.#stopped) this.#timer = setTimeout(() => (this.#running = loop()), this.#options.intervalMs);
		};
		this.#running = loop();
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		if (this.#timer) clearTimeout(this.#timer);
		await this.#running;
	}

	async #runJob(job: JobRow, handler: RobotHandler): Promise<void> {
		let result: Record<string, unknown> | void;
		try {
			result = await handler(job);
		} catch (error) {
			if (error instanceof RobotBusinessError) await this.#engine.throwJobError(job.id, error.code);
			else await this.#engine.failJob(job.id, (error as Error).message ?? String(error));
			return;
		}
		await this.#engine.completeJob(job.id, result ?? {});
	}
}
