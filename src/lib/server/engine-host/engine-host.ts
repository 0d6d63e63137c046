import { Engine, Scheduler, realClock, type Clock, type RobotHandler } from '$lib/engine';
import type { Database } from '../db';
import { LibsqlStore, type AfterApply } from '../engine-store/libsql-store';

export interface EngineHostOptions {
	clock?: Clock;
	/** Robot handlers by job type, run by this process. */
	robots?: Record<string, RobotHandler>;
	intervalMs?: number;
	leaseMs?: number;
	batch?: number;
	onError?: (error: unknown, tenant: string) => void;
	/** Runs in each command's transaction after the engine's writes (see LibsqlStore). */
	afterApply?: AfterApply;
}

/**
 * The runtime inside the app process: one Engine per tenant (workspace) on the
 * shared libsql store, and the background loop that fires due timers and runs
 * due robot jobs of every tenant. Claims are leases in the database, so any
 * number of app processes can run a host against one store.
 */
export class EngineHost {
	readonly #engines = new Map<string, { engine: Engine; store: LibsqlStore; scheduler: Scheduler }>();
	readonly #options: EngineHostOptions;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running: Promise<unknown> | undefined;
	#stopped = true;

	constructor(
		readonly database: Database,
		options: EngineHostOptions = {}
	) {
		this.#options = options;
	}

	#entry(tenant: string) {
		let entry = this.#engines.get(tenant);
		if (!entry) {
			const store = new LibsqlStore(this.database, tenant, { afterApply: this.#options.afterApply });
			const engine = new Engine({ store, clock: this.#options.clock ?? realClock });
			const scheduler = new Scheduler(engine, {
				robots: this.#options.robots,
				leaseMs: this.#options.leaseMs ?? 30_000,
				batch: this.#options.batch ?? 100
			});
			entry = { engine, store, scheduler };
			this.#engines.set(tenant, entry);
		}
		return entry;
	}

	/** The engine of a tenant (created on first use, then reused so compiled definitions stay cached). */
	engine(tenant: string): Engine {
		return this.#entry(tenant).engine;
	}

	store(tenant: string): LibsqlStore {
		return this.#entry(tenant).store;
	}

	/** Tenants with a timer or a job of a known robot due now and not leased elsewhere. */
	async dueTenants(): Promise<string[]> {
		const now = (this.#options.clock ?? realClock).now();
		const types = Object.keys(this.#options.robots ?? {});
		const jobs = types.length
			? `union select distinct tenant from engine_jobs where due_at <= ? and lease_until <= ? and type in (${types.map(() => '?').join(', ')})`
			: '';
		const rs = await this.database.client.execute({
			sql: `select distinct tenant from engine_timers where due_at <= ? and lease_until <= ? ${jobs}`,
			args: [now, now, ...(types.length ? [now, now, ...types] : [])]
		});
		return rs.rows.map((r) => String(r.tenant));
	}

	/** One pass over every tenant with due work. */
	async tick(): Promise<{ timers: number; jobs: number }> {
		const total = { timers: 0, jobs: 0 };
		for (const tenant of await this.dueTenants()) {
			try {
				const done = await this.#entry(tenant).scheduler.tick();
				total.timers += done.timers;
				total.jobs += done.jobs;
			} catch (error) {
				(this.#options.onError ?? ((e) => console.error(`engine host: tenant ${tenant}:`, e)))(error, tenant);
			}
		}
		return total;
	}

	start(): void {
		if (!this.#stopped) return;
		this.#stopped = false;
		const loop = async () => {
			if (this.#stopped) return;
			let busy = false;
			try {
				const done = await this.tick();
				busy = done.timers + done.jobs > 0;
			} catch (error) {
				console.error('engine host:', error);
			}
			if (!this.#stopped) this.#timer = setTimeout(() => (this.#running = loop()), busy ? 0 : (this.#options.intervalMs ?? 1000));
		};
		this.#running = loop();
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		if (this.#timer) clearTimeout(this.#timer);
		await this.#running;
	}
}
