import { createClient, type Client, type Transaction } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = LibSQLDatabase<typeof schema>;

export interface Database {
	db: Db;
	client: Client;
	url: string;
	/**
	 * Runs `fn` in one write transaction (BEGIN IMMEDIATE). Writers in this process
	 * are queued so that two requests never fight for SQLite's single write lock
	 * (a blocked synchronous driver call would stall the event loop); writers in
	 * other processes wait up to the busy timeout.
	 */
	write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	/** Like `write`, on the driver's own transaction (raw SQL), for hot paths such as the engine store. */
	writeRaw<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
	close(): void;
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export class DatabaseConfigError extends Error {}

/** Resolves `file:` URLs relative to the working directory and creates the folder. */
function prepareFileUrl(url: string): string {
	const path = url.slice('file:'.length).replace(/^\/\/(localhost)?/, '');
	if (path === '' || path.startsWith(':memory:')) return url;
	const absolute = resolve(path.split('?')[0]!);
	try {
		mkdirSync(dirname(absolute), { recursive: true });
	} catch (e) {
		throw new DatabaseConfigError(
			`Potok cannot use DATABASE_URL=${url}: cannot create the folder ${dirname(absolute)} (${(e as Error).message})`
		);
	}
	return `file:${absolute}`;
}

/**
 * Opens the database, turns on WAL and foreign keys for files and applies every
 * committed migration. Fails with a message naming DATABASE_URL when it cannot.
 */
export async function connect(
	url: string,
	options: { authToken?: string; migrationsFolder?: string; synchronous?: 'normal' | 'full' } = {}
): Promise<Database> {
	const isFile = url.startsWith('file:');
	let client: Client;
	try {
		client = createClient({
			url: isFile ? prepareFileUrl(url) : url,
			authToken: options.authToken,
			timeout: isFile ? 5000 : undefined
		} as Parameters<typeof createClient>[0]);
		if (isFile) {
			await client.execute('PRAGMA journal_mode = WAL');
			await client.execute('PRAGMA foreign_keys = ON');
			// Reports sort and group hundreds of thousands of rows: in memory (32 MB of page cache and
			// temporary b-trees in RAM) instead of SQLite's 2 MB default that spills sorts to temp files.
			await client.execute('PRAGMA temp_store = MEMORY');
			await client.execute('PRAGMA cache_size = -32768');
		} else {
			await client.execute('SELECT 1');
		}
	} catch (e) {
		if (e instanceof DatabaseConfigError) throw e;
		throw new DatabaseConfigError(`Potok cannot open the database at DATABASE_URL=${url}: ${(e as Error).message}`);
	}

	const db = drizzle(client, { schema });
	try {
		await migrate(db, { migrationsFolder: resolve(options.migrationsFolder ?? 'src/lib/server/db/migrations') });
	} catch (e) {
		client.close();
		throw new DatabaseConfigError(`Potok cannot migrate the database at DATABASE_URL=${url}: ${(e as Error).message}`);
	}

	// SQLite's `synchronous` is per connection and cannot change inside a transaction,
	// and the driver opens pooled connections lazily: set it just before each write
	// transaction, on the connection the pool then hands to it (the pool is LIFO).
	// In WAL mode NORMAL loses nothing committed when the process dies; only a power
	// loss can lose the last transactions. FULL syncs every commit, ~10× slower.
	const sync = isFile ? `PRAGMA synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}` : null;
	let queue: Promise<unknown> = Promise.resolve();
	const enqueue = <T>(run: () => Promise<T>): Promise<T> => {
		const result = queue.then(async () => {
			if (sync) await client.execute(sync);
			return run();
		});
		queue = result.catch(() => undefined);
		return result;
	};
	const write = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> =>
		enqueue(() => db.transaction(fn, { behavior: 'immediate' }));
	const writeRaw = <T>(fn: (tx: Transaction) => Promise<T>): Promise<T> =>
		enqueue(async () => {
			const tx = await client.transaction('write');
			try {
				const result = await fn(tx);
				await tx.commit();
				return result;
			} finally {
				tx.close();
			}
		});

	return { db, client, url, write, writeRaw, close: () => client.close() };
}
