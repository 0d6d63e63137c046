import type { Database } from '../db';
import { EngineHost } from './engine-host';

export { EngineHost } from './engine-host';

let host: EngineHost | undefined;

/** The process-wide engine host (infrastructure, like the database connection: no per-user state). */
export function engineHost(database: Database): EngineHost {
	host ??= new EngineHost(database);
	return host;
}
