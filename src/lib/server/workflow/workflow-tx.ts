import type { Client, Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { Engine, realClock, type Clock } from '$lib/engine';
import type { ExecutableDefinition } from '$lib/engine';
import type { StoreTx } from '$lib/engine/store';
import type { Database, Tx } from '../db';
import { LibsqlStore } from '../engine-store/libsql-store';
import { workflowAfterApply } from './after-apply';

/**
 * One write transaction shared by the CRM and the runtime: the CRM's rows are
 * written through drizzle (`tx`) and the engine's commands run on the same
 * libsql transaction (`engine`), so a record, its stage, its tasks and the
 * process instance driving it are committed together or not at all. Every
 * engine command ends with `workflowAfterApply`, which turns what the command
 * did (stages entered, user tasks opened, final statuses, robot jobs) into
 * CRM rows inside the same transaction.
 */
export interface WorkflowTx {
	workspaceId: string;
	sql: Transaction;
	tx: Tx;
	engine: Engine;
	clock: Clock;
	now(): Date;
	/** Definition keys deployed in this transaction (kept out of the shared compiled cache until it commits). */
	deployed: Set<string>;
}

let clock: Clock = realClock;

/** The runtime's clock for workflow commands (tests move a virtual one; the app keeps the wall clock). */
export function setWorkflowClock(next: Clock): void {
	clock = next;
}

export function workflowClock(): Clock {
	return clock;
}

const overTransactions = new WeakMap<Transaction, Tx>();

/**
 * Drizzle over an open libsql transaction, for the CRM's functions (which take a `Tx`); one per
 * transaction. No relational schema: the CRM builds its queries itself, and extracting the
 * relations of every table costs more than a command.
 */
export function drizzleOver(sql: Transaction): Tx {
	let tx = overTransactions.get(sql);
	if (!tx) {
		tx = drizzle(sql as unknown as Client) as unknown as Tx;
		overTransactions.set(sql, tx);
	}
	return tx;
}

/**
 * Compiled definitions shared by the workflow engines of a database, keyed by
 * tenant and definition key. Only definitions that existed before a transaction
 * began are added, so a publish that rolls back leaves nothing behind.
 */
const compiled = new WeakMap<Database, Map<string, ExecutableDefinition>>();

function sharedCache(owner: Database): Map<string, ExecutableDefinition> {
	let cache = compiled.get(owner);
	if (!cache) {
		cache = new Map();
		compiled.set(owner, cache);
	}
	return cache;
}

/** An engine whose commands run inside one held transaction. */
class BoundEngine extends Engine {
	readonly #shared: Map<string, ExecutableDefinition>;
	readonly #tenant: string;
	/** Keys deployed in this transaction: never shared before it commits. */
	readonly deployed = new Set<string>();

	constructor(store: LibsqlStore, sql: Transaction, tenant: string, shared: Map<string, ExecutableDefinition>) {
		super({ store: { transaction: (fn) => store.within(sql, fn) }, clock, maxRetries: 0 });
		this.#shared = shared;
		this.#tenant = tenant;
	}

	override async definition(tx: StoreTx, key: string): Promise<ExecutableDefinition> {
		const cacheKey = `${this.#tenant}|${key}`;
		const known = this.#shared.get(cacheKey);
		if (known) return known;
		const definition = await super.definition(tx, key);
		if (!this.deployed.has(key)) this.#shared.set(cacheKey, definition);
		return definition;
	}
}

/** A workflow view of a transaction someone else holds (the engine host's commands end here). */
export function workflowOn(database: Database, sql: Transaction, workspaceId: string): WorkflowTx {
	const store = new LibsqlStore(database, workspaceId, { afterApply: workflowAfterApply });
	const engine = new BoundEngine(store, sql, workspaceId, sharedCache(database));
	return { workspaceId, sql, tx: drizzleOver(sql), engine, clock, now: () => new Date(clock.now()), deployed: engine.deployed };
}

/** Runs `fn` in one write transaction with the CRM and the runtime of a workspace. */
export async function runWorkflow<T>(database: Database, workspaceId: string, fn: (w: WorkflowTx) => Promise<T>): Promise<T> {
	return database.writeRaw((sql) => fn(workflowOn(database, sql, workspaceId)));
}
