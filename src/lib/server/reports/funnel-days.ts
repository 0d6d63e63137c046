import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { crmFunnelDays, crmFunnelDirtyDays, crmFunnelOutcomeDays, crmStageVisits } from '../db/schema';
import { DAY } from './common';

/**
 * Brings a pipeline's funnel roll-up up to date: every cohort day marked dirty (by the stage
 * writes, in their transactions) is rebuilt from its stays in one write transaction, and its mark
 * removed. A day is a range of the stays' cohort index, so the work is proportional to what
 * changed since the last report, not to the history.
 */
export async function refreshFunnelDays(database: Database, workspaceId: string, pipeline: string): Promise<number> {
	const dirty = and(eq(crmFunnelDirtyDays.workspaceId, workspaceId), eq(crmFunnelDirtyDays.pipeline, pipeline));
	const [pending] = await database.db.select({ n: sql<number>`count(*)` }).from(crmFunnelDirtyDays).where(dirty);
	if (!pending?.n) return 0;
	return database.write(async (tx) => {
		const days = (await tx.select({ day: crmFunnelDirtyDays.day }).from(crmFunnelDirtyDays).where(dirty)).map((d) => d.day);
		const v = crmStageVisits;
		for (const day of days) {
			const from = day * DAY;
			const to = from + DAY;
			const ofDay = sql`${v.workspaceId} = ${workspaceId} and ${v.pipeline} = ${pipeline} and ${v.recordCreatedAt} >= ${from} and ${v.recordCreatedAt} < ${to}`;
			await tx.delete(crmFunnelDays).where(and(eq(crmFunnelDays.workspaceId, workspaceId), eq(crmFunnelDays.pipeline, pipeline), eq(crmFunnelDays.day, day)));
			await tx.delete(crmFunnelOutcomeDays).where(and(eq(crmFunnelOutcomeDays.workspaceId, workspaceId), eq(crmFunnelOutcomeDays.pipeline, pipeline), eq(crmFunnelOutcomeDays.day, day)));
			await tx.run(sql`insert into ${crmFunnelDays} (workspace_id, pipeline, day, stage, responsible_id, source, repeat, loss_reason, entered, moved_on, lost, still)
				select ${workspaceId}, ${pipeline}, ${day}, ${v.stage}, coalesce(${v.responsibleId}, ''), coalesce(${v.source}, ''), ${v.repeat},
					case when ${v.exitStatus} in ('lost', 'spam') then coalesce(${v.lossReason}, '') else '' end as reason,
					sum(${v.firstInStage}),
					count(distinct case when ${v.nextStage} is not null or ${v.exitStatus} in ('won', 'converted') then ${v.recordId} end),
					count(case when ${v.exitStatus} in ('lost', 'spam') then 1 end),
					count(case when ${v.leftAt} is null then 1 end)
				from ${v} where ${ofDay}
				group by ${v.stage}, coalesce(${v.responsibleId}, ''), coalesce(${v.source}, ''), ${v.repeat}, reason`);
			// Where each record stands now: the exit of its latest stay (still `open`, `won`, `lost`…, or `moved` to another pipeline).
			await tx.run(sql`insert into ${crmFunnelOutcomeDays} (workspace_id, pipeline, day, responsible_id, source, repeat, status, records)
				select ${workspaceId}, ${pipeline}, ${day}, responsible, source, repeat, status, count(*) from (
					select coalesce(max(${v.responsibleId}), '') as responsible, coalesce(max(${v.source}), '') as source, max(${v.repeat}) as repeat,
						substr(max(printf('%015d', ${v.enteredAt}) || coalesce(${v.exitStatus}, case when ${v.leftAt} is null then 'open' else 'moved' end)), 16) as status
					from ${v} where ${ofDay} group by ${v.recordCreatedAt}, ${v.recordId}
				) group by responsible, source, repeat, status`);
		}
		await tx.delete(crmFunnelDirtyDays).where(dirty);
		return days.length;
	});
}
