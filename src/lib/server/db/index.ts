import { readConfig } from '../config';
import { connect, type Database } from './connect';

export type { Database, Db, Tx } from './connect';
export { DatabaseConfigError } from './connect';

let current: Promise<Database> | undefined;

/**
 * The application's database, opened and migrated once per process. The
 * connection is process-wide infrastructure, not per-user state.
 */
export function database(): Promise<Database> {
	if (!current) {
		const config = readConfig();
		current = connect(config.DATABASE_URL, {
			authToken: config.DATABASE_AUTH_TOKEN,
			migrationsFolder: config.POTOK_MIGRATIONS,
			synchronous: config.POTOK_DB_SYNC
		});
		current.catch(() => (current = undefined));
	}
	return current;
}
