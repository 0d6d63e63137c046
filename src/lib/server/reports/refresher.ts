import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { refreshFunnelDays } from './funnel-days';
import { refreshStageTimeDays } from './stage-time-blocks';

/**
 * Keeps the reports' roll-ups current in the background: every few seconds, the days that the
 * CRM's writes marked dirty are rebuilt, so a report usually finds nothing left to do and reads
 * its blocks at once. Reports still rebuild whatever is left before they read, so they are never
 * stale; this only moves the work off their path.
 */

/** Rebuilds every dirty day of every workspace's pipelines; returns how many days. */
export async function refreshAllRollups(database: Database): Promise<number> {
	const pending = await database.db.all<{ workspace_id: string; pipeline: string; funnel: number }>(sql`
		select distinct workspace_id, pipeline, 1 as funnel from crm_funnel_dirty_days
		union select distinct workspace_id, pipeline, 0 from crm_stage_time_dirty_days`);
	let days = 0;
	for (const p of pending) days += await (Number(p.funnel) ? refreshFunnelDays : refreshStageTimeDays)(database, p.workspace_id, p.pipeline);
	return days;
}

export interface Refresher {
	stop(): Promise<void>;
}

export function startRollupRefresher(database: Database, intervalMs = 10_000): Refresher {
	let stopped = false;
	let running: Promise<unknown> = Promise.resolve();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const tick = () => {
		running = refreshAllRollups(database)
			.catch((error: unknown) => console.error('Potok: refreshing the report roll-ups failed:', error))
			.finally(() => {
				if (!stopped) timer = setTimeout(tick, intervalMs);
			});
	};
	timer = setTimeout(tick, intervalMs);
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
