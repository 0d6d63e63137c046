import type { Database } from '../db';
import type { EngineHostOptions } from '../engine-host/engine-host';
import { workflowAfterApply } from './after-apply';
import { externalRobotHandlers } from './robots';
import type { Fetch } from './robots/webhook';

/**
 * What the app's engine host needs to keep the CRM in step: every command it
 * runs (timers, robot jobs) ends with the workflow bridge in its transaction,
 * and it runs the robots that reach the outside world (webhooks) after commit.
 */
export function workflowHostOptions(database: Database, send?: Fetch): EngineHostOptions {
	return { afterApply: workflowAfterApply, robots: externalRobotHandlers(database, send) };
}
