import type { Transaction } from '@libsql/client';
import type { Database } from '../db';

interface Pending {
	fn: (sql: Transaction) => Promise<unknown>;
	resolve(value: unknown): void;
	reject(error: unknown): void;
}

/**
 * Group commit: engine commands that arrive while a write transaction is open run in that same
 * transaction, one after another, each inside its own savepoint. A command that fails is rolled
 * back to its savepoint and changes nothing; the others go on. Every command is answered only after
 * the COMMIT that made it durable (or failed), so an acknowledged command is always committed — the
 * group only shares the cost of BEGIN, COMMIT and the pages that several commands write.
 *
 * Commands see the writes of the commands before them in the group, exactly as if each had
 * committed on its own: they run in arrival order and never interleave. A command must not wait for
 * another command of the same store from inside its function (it would wait for itself).
 */
export class GroupCommit {
	static readonly #byDatabase = new WeakMap<Database, GroupCommit>();

	/** The one group committer of a database, shared by the stores of every tenant. */
	static of(database: Database): GroupCommit {
		let commits = GroupCommit.#byDatabase.get(database);
		if (!commits) {
			commits = new GroupCommit(database);
			GroupCommit.#byDatabase.set(database, commits);
		}
		return commits;
	}

	readonly #pending: Pending[] = [];
	#running = false;
	/** Transactions begun and commands run in them, for benchmarks and tests. */
	readonly stats = { transactions: 0, commands: 0 };

	constructor(
		readonly database: Database,
		/** Commands per transaction at most, to bound the latency of the first one. */
		readonly maxGroup = 64
	) {}

	run<T>(fn: (sql: Transaction) => Promise<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.#pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
			if (!this.#running) this.#next();
		});
	}

	#next(): void {
		this.#running = true;
		const outcomes: { pending: Pending; ok: boolean; value: unknown }[] = [];
		this.database
			.writeRaw(async (sql) => {
				this.stats.transactions++;
				while (this.#pending.length > 0 && outcomes.length < this.maxGroup) {
					const outcome = { pending: this.#pending.shift() as Pending, ok: false, value: undefined as unknown };
					outcomes.push(outcome);
					this.stats.commands++;
					await sql.executeMultiple('SAVEPOINT engine_command');
					try {
						outcome.value = await outcome.pending.fn(sql);
						outcome.ok = true;
					} catch (error) {
						outcome.value = error;
					}
					await sql.executeMultiple(outcome.ok ? 'RELEASE engine_command' : 'ROLLBACK TO engine_command; RELEASE engine_command');
				}
			})
			.then(
				() => {
					for (const { pending, ok, value } of outcomes) (ok ? pending.resolve : pending.reject)(value);
				},
				(error: unknown) => {
					for (const { pending, ok, value } of outcomes) pending.reject(ok || value === undefined ? error : value);
					// the transaction could not even begin: what waits would fail the same way
					if (outcomes.length === 0) for (const pending of this.#pending.splice(0)) pending.reject(error);
				}
			)
			.finally(() => {
				this.#running = false;
				if (this.#pending.length > 0) this.#next();
			});
	}
}
