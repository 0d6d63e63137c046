import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { crmStageTimeBlocks, crmStageVisits } from '../db/schema';
import { DAY } from './common';
import { rebuildAncestorsTx, refreshRollup, type RollupShape } from './day-blocks';
import { bucketOf } from './durations';

/**
 * Time in stage's roll-up (`crm_stage_time_blocks`): duration histograms of the stays that
 * ended on each day — per stage and responsible (measure 0), and the cycle from creation to won
 * (1) and to any final status (2) — kept per block of days and rebuilt, like the funnel's, for
 * the days the stage writes marked dirty: by the background refresher, or by a report first.
 */

const SHAPE: RollupShape = {
	table: 'crm_stage_time_blocks',
	keys: ['measure', 'stage', 'responsible_id', 'bucket'],
	sums: ['stays', 'total_ms'],
	mins: ['min_ms'],
	maxes: ['max_ms']
};

export const STAY = 0;
export const CYCLE_WON = 1;
export const CYCLE_CLOSED = 2;

/**
 * The durations of stays that ended where `ended` holds, as (day, measure, stage, responsible,
 * dur) rows: every stay, and once more the closing stay's whole cycle (twice when won). `day`
 * is an SQL expression for the day each row is filed under.
 */
export function endedDurations(from: SQL, ended: SQL, day: SQL): SQL {
	const v = crmStageVisits;
	const responsible = sql`coalesce(${v.responsibleId}, '')`;
	const cycle = sql`${v.leftAt} - ${v.recordCreatedAt}`;
	return sql`
		select ${day} as day, ${STAY} as measure, ${v.stage} as stage, ${responsible} as responsible_id, ${v.leftAt} - ${v.enteredAt} as dur from ${from} where ${ended}
		union all
		select ${day}, ${CYCLE_WON}, '', ${responsible}, ${cycle} from ${from} where ${ended} and ${v.exitStatus} = 'won'
		union all
		select ${day}, ${CYCLE_CLOSED}, '', ${responsible}, ${cycle} from ${from} where ${ended} and ${v.exitStatus} in ('won', 'lost', 'spam', 'converted')`;
}

/** Histogram cells (day, measure, stage, responsible, bucket → n, total, lo, hi) of `durations` rows. */
export function durationCells(durations: SQL): SQL {
	return sql`
		select day, measure, stage, responsible_id, bucket, count(*) as n, sum(dur) as total, min(dur) as lo, max(dur) as hi
		from (select *, ${bucketOf(sql.raw('dur'))} as bucket from (${durations}))
		group by day, measure, stage, responsible_id, bucket`;
}

/** Rebuilds the dirty days of a pipeline's time-in-stage roll-up; returns how many there were. */
export function refreshStageTimeDays(database: Database, workspaceId: string, pipeline: string): Promise<number> {
	return refreshRollup(database, 'crm_stage_time_dirty_days', workspaceId, pipeline, async (tx, days) => {
		const list = JSON.stringify(days);
		const v = crmStageVisits;
		const dayMs = sql.raw(String(DAY));
		const from = sql`json_each(${list}) d cross join ${v} on ${v.workspaceId} = ${workspaceId} and ${v.pipeline} = ${pipeline}
			and ${v.leftAt} >= d.value * ${dayMs} and ${v.leftAt} < (d.value + 1) * ${dayMs}`;
		await tx.run(sql`delete from ${crmStageTimeBlocks} where workspace_id = ${workspaceId} and pipeline = ${pipeline} and level = 0
			and block in (select value from json_each(${list}))`);
		await tx.run(sql`insert into ${crmStageTimeBlocks} (workspace_id, pipeline, level, block, measure, stage, responsible_id, bucket, stays, total_ms, min_ms, max_ms)
			select ${workspaceId}, ${pipeline}, 0, day, measure, stage, responsible_id, bucket, n, total, lo, hi
			from (${durationCells(endedDurations(from, sql`1 = 1`, sql`d.value`))})`);
		await rebuildAncestorsTx(tx, SHAPE, workspaceId, pipeline, days);
	});
}
