import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { crmFunnelBlocks, crmFunnelOutcomeBlocks, crmStageVisits } from '../db/schema';
import { DAY } from './common';
import { rebuildAncestorsTx, refreshRollup, type RollupShape } from './day-blocks';

/**
 * Brings a pipeline's funnel roll-up up to date: every cohort day marked dirty (by the stage
 * writes, in their transactions) is rebuilt from its stays, then the blocks above it. A day is a
 * range of the stays' cohort index, so the work is proportional to what changed since the last
 * report, not to the history.
 */

const FUNNEL: RollupShape = {
	table: 'crm_funnel_blocks',
	keys: ['stage', 'responsible_id', 'source', 'repeat', 'loss_reason'],
	sums: ['entered', 'moved_on', 'lost', 'still']
};
const OUTCOMES: RollupShape = { table: 'crm_funnel_outcome_blocks', keys: ['responsible_id', 'source', 'repeat', 'status'], sums: ['records'] };

export function refreshFunnelDays(database: Database, workspaceId: string, pipeline: string): Promise<number> {
	return refreshRollup(database, 'crm_funnel_dirty_days', workspaceId, pipeline, async (tx, days) => {
		const list = JSON.stringify(days);
		const v = crmStageVisits;
		const ofDays = sql`json_each(${list}) d cross join ${v} on ${v.workspaceId} = ${workspaceId} and ${v.pipeline} = ${pipeline}
			and ${v.recordCreatedAt} >= d.value * ${sql.raw(String(DAY))} and ${v.recordCreatedAt} < (d.value + 1) * ${sql.raw(String(DAY))}`;
		for (const table of [crmFunnelBlocks, crmFunnelOutcomeBlocks])
			await tx.run(sql`delete from ${table} where workspace_id = ${workspaceId} and pipeline = ${pipeline} and level = 0 and block in (select value from json_each(${list}))`);
		await tx.run(sql`insert into ${crmFunnelBlocks} (workspace_id, pipeline, level, block, stage, responsible_id, source, repeat, loss_reason, entered, moved_on, lost, still)
			select ${workspaceId}, ${pipeline}, 0, d.value, ${v.stage}, coalesce(${v.responsibleId}, ''), coalesce(${v.source}, ''), ${v.repeat},
				case when ${v.exitStatus} in ('lost', 'spam') then coalesce(${v.lossReason}, '') else '' end as reason,
				sum(${v.firstInStage}),
				count(distinct case when ${v.nextStage} is not null or ${v.exitStatus} in ('won', 'converted') then ${v.recordId} end),
				count(case when ${v.exitStatus} in ('lost', 'spam') then 1 end),
				count(case when ${v.leftAt} is null then 1 end)
			from ${ofDays}
			group by d.value, ${v.stage}, coalesce(${v.responsibleId}, ''), coalesce(${v.source}, ''), ${v.repeat}, reason`);
		// Where each record stands now: the exit of its latest stay (still `open`, `won`, `lost`…, or `moved` to another pipeline).
		await tx.run(sql`insert into ${crmFunnelOutcomeBlocks} (workspace_id, pipeline, level, block, responsible_id, source, repeat, status, records)
			select ${workspaceId}, ${pipeline}, 0, day, responsible, source, repeat, status, count(*) from (
				select d.value as day, coalesce(max(${v.responsibleId}), '') as responsible, coalesce(max(${v.source}), '') as source, max(${v.repeat}) as repeat,
					substr(max(printf('%015d', ${v.enteredAt}) || coalesce(${v.exitStatus}, case when ${v.leftAt} is null then 'open' else 'moved' end)), 16) as status
				from ${ofDays} group by d.value, ${v.recordCreatedAt}, ${v.recordId}
			) group by day, responsible, source, repeat, status`);
		await rebuildAncestorsTx(tx, FUNNEL, workspaceId, pipeline, days);
		await rebuildAncestorsTx(tx, OUTCOMES, workspaceId, pipeline, days);
	});
}
