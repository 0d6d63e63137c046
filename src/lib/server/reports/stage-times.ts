import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { crmEntityTypes, crmRecords, crmStageTimeBlocks, crmStageVisits } from '../db/schema';
import { DAY, num, type ReportTable } from './common';
import { rowsOfPeriod } from './day-blocks';
import { histogramStats } from './durations';
import { CYCLE_CLOSED, CYCLE_WON, STAY, durationCells, endedDurations, refreshStageTimeDays } from './stage-time-blocks';
import { reportLabels, stageOrder, visitFilter, type PipelineReportQuery } from './report-context';

/**
 * How long records stay in each stage of a pipeline: for the stays that *ended* in the period —
 * count, average, median and 90th percentile, per stage and per stage and responsible; the whole
 * cycle from creation to the final status for records closed in the period (won apart from
 * lost, spam and converted); and the records waiting longest in each stage now.
 *
 * The numbers come from duration histograms (durations.ts): counts and averages exact,
 * percentiles interpolated as Excel's PERCENTILE.INC and MEDIAN do and exact or within 5%. The
 * histograms are read from the pipeline's roll-up (stage-time-blocks.ts), a few blocks of days
 * per period; filtered by source, which the roll-up does not keep, they are built from the
 * period's stays in the same way.
 */

export interface Durations {
	count: number;
	avgMs: number | null;
	medianMs: number | null;
	p90Ms: number | null;
}

export interface StageTimesReport {
	pipeline: { key: string; name: string; entityType: string };
	period: { from: string; to: string };
	filters: { responsible: string | null; source: string | null };
	stages: ({ key: string; label: string } & Durations)[];
	byResponsible: ({ stage: string; stageLabel: string; responsibleId: string | null; name: string } & Durations)[];
	cycle: { won: Durations; closed: Durations };
	slowest: { stage: string; stageLabel: string; records: { id: string; type: string; title: string; responsibleId: string | null; name: string; enteredAt: string; waitingMs: number }[] }[];
}

interface DurationRow {
	kind: string;
	g1: string | null;
	g2: string | null;
	n: number;
	avg_ms: number | null;
	p50: number | null;
	p90: number | null;
}

const durations = (row: DurationRow | undefined): Durations =>
	row ? { count: num(row.n), avgMs: row.avg_ms === null ? null : Number(row.avg_ms), medianMs: row.p50 === null ? null : Number(row.p50), p90Ms: row.p90 === null ? null : Number(row.p90) } : { count: 0, avgMs: null, medianMs: null, p90Ms: null };

/** The period's histogram cells (measure, stage, responsible_id, bucket, n, total, lo, hi), merged over its days. */
function periodCells(database: Database, workspaceId: string, query: PipelineReportQuery) {
	const merge = (rows: ReturnType<typeof sql>) => sql`
		select measure, stage, responsible_id, bucket, sum(n) as n, sum(total) as total, min(lo) as lo, max(hi) as hi
		from (${rows}) group by measure, stage, responsible_id, bucket`;
	const from = query.period.from.getTime();
	const to = query.period.to.getTime();
	if (query.source) {
		// The roll-up keeps no source: histograms of the period's stays, built the same way (all filed under one day, so already merged).
		const v = crmStageVisits;
		const ended = and(visitFilter(workspaceId, query), gte(v.leftAt, from), lt(v.leftAt, to))!;
		return durationCells(endedDurations(sql`${v}`, ended, sql`0`));
	}
	const days = { from: Math.floor(from / DAY), to: Math.ceil(to / DAY) };
	const columns = sql`measure, stage, responsible_id, bucket, stays as n, total_ms as total, min_ms as lo, max_ms as hi`;
	const t = crmStageTimeBlocks;
	const blocks = rowsOfPeriod(t, columns, workspaceId, query.pipeline.key, days, query.responsibleId ? eq(t.responsibleId, query.responsibleId) : undefined);
	return merge(blocks);
}

export async function stageTimesReport(database: Database, workspaceId: string, query: PipelineReportQuery, now = new Date()): Promise<StageTimesReport> {
	if (!query.source) await refreshStageTimeDays(database, workspaceId, query.pipeline.key);
	const db = database.db;
	const v = crmStageVisits;
	const base = visitFilter(workspaceId, query);
	const stageKeysOfPipeline = query.pipeline.stages.map((st) => st.key);
	const [stats, slowRows] = await Promise.all([
		// Per stage, per stage and responsible, and the two cycles, in one pass over the period's cells.
		db.all<DurationRow>(sql`
			with cells as materialized (${periodCells(database, workspaceId, query)})
			${histogramStats(sql`
				select 'stage' as kind, stage as g1, null as g2, bucket, sum(n) as n, sum(total) as total, min(lo) as lo, max(hi) as hi
				from cells where measure = ${STAY} group by stage, bucket
				union all
				select 'responsible', stage, nullif(responsible_id, ''), bucket, n, total, lo, hi from cells where measure = ${STAY}
				union all
				select 'cycle', case measure when ${CYCLE_WON} then 'won' else 'closed' end, null, bucket, sum(n), sum(total), min(lo), max(hi)
				from cells where measure in (${CYCLE_WON}, ${CYCLE_CLOSED}) group by measure, bucket`)}`),
		// The longest waiting, stage by stage: each a few rows off the front of the open-stays index.
		Promise.all(
			stageKeysOfPipeline.map((stage) =>
				db.all<{ stage: string; id: string; type: string; title: string; responsible: string | null; entered: number }>(sql`
					select ${v.stage} as stage, ${crmRecords.id} as id, ${crmEntityTypes.key} as type, ${crmRecords.title} as title,
						${v.responsibleId} as responsible, ${v.enteredAt} as entered
					from ${v}
					join ${crmRecords} on ${crmRecords.id} = ${v.recordId}
					join ${crmEntityTypes} on ${crmEntityTypes.id} = ${crmRecords.entityTypeId}
					where ${base} and ${v.stage} = ${stage} and ${v.leftAt} is null
					order by ${v.enteredAt} limit 5`)
			)
		).then((lists) => lists.flat())
	]);
	const perStage = stats.filter((r) => r.kind === 'stage');
	const perResponsible = stats.filter((r) => r.kind === 'responsible');
	const cycleRows = stats.filter((r) => r.kind === 'cycle');
	const labels = await reportLabels(db, query.pipeline, [...perResponsible.map((r) => r.g2), ...slowRows.map((r) => r.responsible)]);
	const stageKeys = stageOrder(query.pipeline, perStage.map((r) => r.g1!));
	return {
		pipeline: { key: query.pipeline.key, name: query.pipeline.name, entityType: query.pipeline.entityType },
		period: { from: query.period.from.toISOString(), to: query.period.to.toISOString() },
		filters: { responsible: query.responsibleId ?? null, source: query.source ?? null },
		stages: stageKeys.map((key) => ({ key, label: labels.stage(key), ...durations(perStage.find((r) => r.g1 === key)) })),
		byResponsible: perResponsible
			.map((r) => ({ stage: r.g1!, stageLabel: labels.stage(r.g1!), responsibleId: r.g2, name: labels.person(r.g2), ...durations(r) }))
			.sort((a, b) => stageKeys.indexOf(a.stage) - stageKeys.indexOf(b.stage) || a.name.localeCompare(b.name, 'ru')),
		cycle: { won: durations(cycleRows.find((r) => r.g1 === 'won')), closed: durations(cycleRows.find((r) => r.g1 === 'closed')) },
		slowest: stageKeys
			.filter((key) => slowRows.some((r) => r.stage === key))
			.map((key) => ({
				stage: key,
				stageLabel: labels.stage(key),
				records: slowRows
					.filter((r) => r.stage === key)
					.map((r) => ({ id: r.id, type: r.type, title: r.title, responsibleId: r.responsible, name: labels.person(r.responsible), enteredAt: new Date(num(r.entered)).toISOString(), waitingMs: now.getTime() - num(r.entered) }))
			}))
	};
}

const HOUR = 3_600_000;
const hours = (ms: number | null) => (ms === null ? null : ms / HOUR);

/** Time in stage as sheets (hours): per stage, per stage and responsible, the cycle. */
export function stageTimesTables(report: StageTimesReport, t: (key: string) => string): ReportTable[] {
	const stats = [
		{ key: 'count', label: t('reports.col.stays'), type: 'integer' as const },
		{ key: 'avg', label: t('reports.col.avgHours'), type: 'hours' as const },
		{ key: 'median', label: t('reports.col.medianHours'), type: 'hours' as const },
		{ key: 'p90', label: t('reports.col.p90Hours'), type: 'hours' as const }
	];
	const values = (d: Durations) => ({ count: d.count, avg: hours(d.avgMs), median: hours(d.medianMs), p90: hours(d.p90Ms) });
	return [
		{ name: t('reports.sheet.stageTimes'), columns: [{ key: 'label', label: t('reports.col.stage'), type: 'text' }, ...stats], rows: report.stages.map((s) => ({ label: s.label, ...values(s) })) },
		{
			name: t('reports.sheet.stageTimesByResponsible'),
			columns: [{ key: 'stage', label: t('reports.col.stage'), type: 'text' }, { key: 'name', label: t('reports.col.responsible'), type: 'text' }, ...stats],
			rows: report.byResponsible.map((r) => ({ stage: r.stageLabel, name: r.name || t('reports.nobody'), ...values(r) }))
		},
		{
			name: t('reports.sheet.cycle'),
			columns: [{ key: 'label', label: t('reports.col.cycle'), type: 'text' }, ...stats],
			rows: [
				{ label: t('reports.cycleWon'), ...values(report.cycle.won) },
				{ label: t('reports.cycleClosed'), ...values(report.cycle.closed) }
			]
		}
	];
}
