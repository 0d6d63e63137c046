import { and, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Reader } from '../crm/db-types';
import { crmEntityTypes, crmRecords, crmStageVisits } from '../db/schema';
import { num, type ReportTable } from './common';
import { reportLabels, stageOrder, visitFilter, type PipelineReportQuery } from './report-context';

/**
 * How long records stay in each stage of a pipeline: for the stays that *ended* in the period —
 * count, average, median and 90th percentile, per stage and per stage and responsible; the whole
 * cycle from creation to the final status for records closed in the period (won apart from
 * lost, spam and converted); and the records waiting longest in each stage now.
 *
 * Percentiles are exact, interpolated between the two nearest ranks as Excel's PERCENTILE.INC
 * and MEDIAN do, and computed in SQL with window functions over the period's rows.
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
	g1: string | null;
	g2: string | null;
	n: number;
	avg_ms: number | null;
	p50: number | null;
	p90: number | null;
}

/**
 * Count, average, median and 90th percentile of `dur` over `source` rows (which select `g1`,
 * `g2` and `dur`), grouped by (g1, g2). `i` is the 0-based rank, `n` the group's size; the
 * p-th percentile lies at rank p·(n−1), between ranks ⌊p·(n−1)⌋ and the next.
 */
function durationStats(db: Reader, source: SQL): Promise<DurationRow[]> {
	const pick = (p: number) => sql.raw(`sum(case
		when i = cast(${p} * (n - 1) as integer) then dur * (1 - (${p} * (n - 1) - cast(${p} * (n - 1) as integer)))
		when i = cast(${p} * (n - 1) as integer) + 1 then dur * (${p} * (n - 1) - cast(${p} * (n - 1) as integer))
		else 0 end)`);
	return db.all<DurationRow>(sql`
		select g1, g2, max(n) as n, avg(dur) as avg_ms, ${pick(0.5)} as p50, ${pick(0.9)} as p90
		from (
			select g1, g2, dur,
				row_number() over (partition by g1, g2 order by dur) - 1 as i,
				count(*) over (partition by g1, g2) as n
			from (${source})
		) group by g1, g2`);
}

const durations = (row: DurationRow | undefined): Durations =>
	row ? { count: num(row.n), avgMs: row.avg_ms === null ? null : Number(row.avg_ms), medianMs: row.p50 === null ? null : Number(row.p50), p90Ms: row.p90 === null ? null : Number(row.p90) } : { count: 0, avgMs: null, medianMs: null, p90Ms: null };

export async function stageTimesReport(db: Reader, workspaceId: string, query: PipelineReportQuery, now = new Date()): Promise<StageTimesReport> {
	const v = crmStageVisits;
	const base = visitFilter(workspaceId, query);
	const ended = and(base, gte(v.leftAt, query.period.from.getTime()), lt(v.leftAt, query.period.to.getTime()));
	const stageKeysOfPipeline = query.pipeline.stages.map((st) => st.key);
	const [perStage, perResponsible, cycleRows, slowRows] = await Promise.all([
		durationStats(db, sql`select ${v.stage} as g1, null as g2, ${v.leftAt} - ${v.enteredAt} as dur from ${v} where ${ended}`),
		durationStats(db, sql`select ${v.stage} as g1, ${v.responsibleId} as g2, ${v.leftAt} - ${v.enteredAt} as dur from ${v} where ${ended}`),
		durationStats(
			db,
			sql`select 'closed' as g1, null as g2, ${v.leftAt} - ${v.recordCreatedAt} as dur
				from ${v} where ${ended} and ${v.exitStatus} in ('won', 'lost', 'spam', 'converted')
				union all
				select 'won' as g1, null as g2, ${v.leftAt} - ${v.recordCreatedAt} as dur
				from ${v} where ${ended} and ${v.exitStatus} = 'won'`
		),
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
