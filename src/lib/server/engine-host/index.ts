import type { Database } from '../db';
import { EngineHost, type EngineHostOptions } from './engine-host';

export { EngineHost } from './engine-host';

let host: EngineHost | undefined;

/** The process-wide engine host (infrastructure, like the database connection: no per-user state); options apply when it is made. */
export function engineHost(database: Database, options: EngineHostOptions = {}): EngineHost {
	host ??= new EngineHost(database, options);
	return host;
}
