import { and, eq, sql } from 'drizzle-orm';
import type { Reader } from '../crm/db-types';
import type { Database } from '../db';
import { crmFunnelBlocks, crmFunnelOutcomeBlocks, crmStageVisits } from '../db/schema';
import { rowsOfPeriod } from './day-blocks';
import { refreshFunnelDays } from './funnel-days';
import { DAY, num, type ReportTable } from './common';
import { ratio, reportLabels, stageOrder, visitFilter, type PipelineReportQuery } from './report-context';

/**
 * The funnel of a pipeline for a period, as Bitrix24's «классическая воронка» counts it: the
 * cohort is the records *created* in the period; for each stage, how many of them ever entered
 * it, moved on from it (to another stage, won or converted), were lost there (lost or spam, with
 * the reasons) or are still there; conversion to each stage from the previous one and from the
 * first; the cohort's outcomes; and the same by responsible, by source, and for new against
 * repeat clients. A record counts once per stage however often it came back to it.
 *
 * The counts are sums over the pipeline's roll-up (funnel-days.ts: rebuilt in SQL from
 * `crm_stage_visits` for the days that changed), kept per block of days, so a period of any
 * length reads a few blocks' rows per group, never the history itself; the lists behind the
 * numbers read the stays.
 */

export interface FunnelStage {
	key: string;
	label: string;
	entered: number;
	movedOn: number;
	lost: number;
	/** Still in the stage now. */
	open: number;
	/** entered / entered of the previous stage; null for the first. */
	fromPrevious: number | null;
	/** entered / entered of the first stage. */
	fromFirst: number | null;
	lossReasons: { reason: string | null; label: string; count: number }[];
}

export interface FunnelBreakdown {
	key: string | null;
	label: string;
	records: number;
	won: number;
	lost: number;
	open: number;
	/** won / records. */
	conversion: number | null;
}

export interface FunnelReport {
	pipeline: { key: string; name: string; entityType: string };
	period: { from: string; to: string };
	filters: { responsible: string | null; source: string | null };
	/** Records created in the period that entered the pipeline. */
	records: number;
	stages: FunnelStage[];
	/** `other`: moved to another pipeline or merged into another record. */
	outcomes: { won: number; lost: number; spam: number; converted: number; open: number; other: number };
	byResponsible: FunnelBreakdown[];
	bySource: FunnelBreakdown[];
	/** New clients against repeat ones (a phone, e-mail or contact already known). */
	byRepeat: FunnelBreakdown[];
}

interface StageRow {
	stage: string;
	entered: number;
	moved_on: number;
	lost: number;
	still: number;
}

interface OutcomeRow {
	responsible: string | null;
	source: string | null;
	repeat: number;
	status: string;
	n: number;
}

export async function funnelReport(database: Database, workspaceId: string, query: PipelineReportQuery): Promise<FunnelReport> {
	await refreshFunnelDays(database, workspaceId, query.pipeline.key);
	const db = database.db;
	const days = { from: Math.floor(query.period.from.getTime() / DAY), to: Math.ceil(query.period.to.getTime() / DAY) };
	/** The period's rows of a roll-up, of the responsible and source asked for. */
	const blocks = (t: typeof crmFunnelBlocks | typeof crmFunnelOutcomeBlocks) =>
		rowsOfPeriod(t, sql`*`, workspaceId, query.pipeline.key, days, and(query.responsibleId ? eq(t.responsibleId, query.responsibleId) : undefined, query.source ? eq(t.source, query.source) : undefined));
	// Per stage and loss reason (a few dozen groups), summed per stage below.
	const stageReasonRows = await db.all<StageRow & { reason: string }>(sql`
		select stage, loss_reason as reason, sum(entered) as entered, sum(moved_on) as moved_on, sum(lost) as lost, sum(still) as still
		from (${blocks(crmFunnelBlocks)}) group by stage, loss_reason`);
	const byStageKey = new Map<string, StageRow>();
	for (const r of stageReasonRows) {
		const row = byStageKey.get(r.stage) ?? { stage: r.stage, entered: 0, moved_on: 0, lost: 0, still: 0 };
		row.entered += num(r.entered);
		row.moved_on += num(r.moved_on);
		row.lost += num(r.lost);
		row.still += num(r.still);
		byStageKey.set(r.stage, row);
	}
	const stageRows = [...byStageKey.values()];
	const reasonRows = stageReasonRows.filter((r) => num(r.lost) > 0).map((r) => ({ stage: r.stage, reason: r.reason || null, n: num(r.lost) }));
	const outcomeRows = (
		await db.all<OutcomeRow>(sql`
			select responsible_id as responsible, source, repeat, status, sum(records) as n
			from (${blocks(crmFunnelOutcomeBlocks)}) group by responsible_id, source, repeat, status`)
	).map((r) => ({ ...r, responsible: r.responsible || null, source: r.source || null }));
	const labels = await reportLabels(db, query.pipeline, outcomeRows.map((r) => r.responsible));
	const byStage = new Map(stageRows.map((r) => [r.stage, r]));
	const order = stageOrder(query.pipeline, byStage.keys()).filter((key) => byStage.has(key) || query.pipeline.stages.some((s) => s.key === key));
	const firstEntered = num(byStage.get(order[0] ?? '')?.entered);
	const stages = order.map((key, i): FunnelStage => {
		const row = byStage.get(key);
		const entered = num(row?.entered);
		const previous = i > 0 ? num(byStage.get(order[i - 1]!)?.entered) : null;
		return {
			key,
			label: labels.stage(key),
			entered,
			movedOn: num(row?.moved_on),
			lost: num(row?.lost),
			open: num(row?.still),
			fromPrevious: previous === null ? null : ratio(entered, previous),
			fromFirst: ratio(entered, firstEntered),
			lossReasons: reasonRows
				.filter((r) => r.stage === key)
				.map((r) => ({ reason: r.reason, label: labels.lossReason(r.reason), count: num(r.n) }))
				.sort((a, b) => b.count - a.count)
		};
	});
	const outcome = (status: string) => outcomeRows.filter((r) => r.status === status).reduce((sum, r) => sum + num(r.n), 0);
	const breakdown = (keyOf: (r: OutcomeRow) => string | null, label: (key: string | null) => string): FunnelBreakdown[] => {
		const groups = new Map<string | null, FunnelBreakdown>();
		for (const r of outcomeRows) {
			const key = keyOf(r);
			const g = groups.get(key) ?? { key, label: label(key), records: 0, won: 0, lost: 0, open: 0, conversion: null };
			const n = num(r.n);
			g.records += n;
			if (r.status === 'won') g.won += n;
			else if (r.status === 'lost' || r.status === 'spam') g.lost += n;
			else if (r.status === 'open') g.open += n;
			groups.set(key, g);
		}
		return [...groups.values()].map((g) => ({ ...g, conversion: ratio(g.won, g.records) })).sort((a, b) => b.records - a.records);
	};
	const records = outcomeRows.reduce((sum, r) => sum + num(r.n), 0);
	return {
		pipeline: { key: query.pipeline.key, name: query.pipeline.name, entityType: query.pipeline.entityType },
		period: { from: query.period.from.toISOString(), to: query.period.to.toISOString() },
		filters: { responsible: query.responsibleId ?? null, source: query.source ?? null },
		records,
		stages,
		outcomes: { won: outcome('won'), lost: outcome('lost'), spam: outcome('spam'), converted: outcome('converted'), open: outcome('open'), other: outcome('moved') + outcome('merged') },
		byResponsible: breakdown((r) => r.responsible, labels.person),
		bySource: breakdown((r) => r.source, labels.source),
		byRepeat: breakdown((r) => (num(r.repeat) ? 'repeat' : 'new'), (k) => k ?? '')
	};
}

/** The funnel as sheets: stages, loss reasons, by responsible, by source. */
export function funnelTables(report: FunnelReport, t: (key: string) => string): ReportTable[] {
	const breakdownColumns = (first: string) => [
		{ key: 'label', label: first, type: 'text' as const },
		{ key: 'records', label: t('reports.col.records'), type: 'integer' as const },
		{ key: 'won', label: t('reports.col.won'), type: 'integer' as const },
		{ key: 'lost', label: t('reports.col.lost'), type: 'integer' as const },
		{ key: 'open', label: t('reports.col.open'), type: 'integer' as const },
		{ key: 'conversion', label: t('reports.col.conversion'), type: 'percent' as const }
	];
	const breakdownRows = (rows: FunnelBreakdown[], empty: string) => rows.map((r) => ({ ...r, label: r.label || empty }));
	return [
		{
			name: t('reports.sheet.funnel'),
			columns: [
				{ key: 'label', label: t('reports.col.stage'), type: 'text' },
				{ key: 'entered', label: t('reports.col.entered'), type: 'integer' },
				{ key: 'movedOn', label: t('reports.col.movedOn'), type: 'integer' },
				{ key: 'lost', label: t('reports.col.lost'), type: 'integer' },
				{ key: 'open', label: t('reports.col.stillThere'), type: 'integer' },
				{ key: 'fromPrevious', label: t('reports.col.fromPrevious'), type: 'percent' },
				{ key: 'fromFirst', label: t('reports.col.fromFirst'), type: 'percent' }
			],
			rows: report.stages.map((s) => ({ label: s.label, entered: s.entered, movedOn: s.movedOn, lost: s.lost, open: s.open, fromPrevious: s.fromPrevious, fromFirst: s.fromFirst }))
		},
		{
			name: t('reports.sheet.lossReasons'),
			columns: [
				{ key: 'stage', label: t('reports.col.stage'), type: 'text' },
				{ key: 'reason', label: t('reports.col.reason'), type: 'text' },
				{ key: 'count', label: t('reports.col.records'), type: 'integer' }
			],
			rows: report.stages.flatMap((s) => s.lossReasons.map((r) => ({ stage: s.label, reason: r.label || t('reports.noReason'), count: r.count })))
		},
		{ name: t('reports.sheet.byResponsible'), columns: breakdownColumns(t('reports.col.responsible')), rows: breakdownRows(report.byResponsible, t('reports.nobody')) },
		{ name: t('reports.sheet.bySource'), columns: breakdownColumns(t('reports.col.source')), rows: breakdownRows(report.bySource, t('reports.noSource')) },
		{
			name: t('reports.sheet.byRepeat'),
			columns: breakdownColumns(t('reports.col.client')),
			rows: report.byRepeat.map((r) => ({ ...r, label: t(r.label === 'repeat' ? 'reports.repeatClients' : 'reports.newClients') }))
		}
	];
}

export type FunnelListKind = 'entered' | 'movedOn' | 'lost' | 'open';

export interface FunnelListItem {
	id: string;
	type: string;
	title: string;
	responsibleId: string | null;
	responsible: string;
	/** The record's latest stay in the stage. */
	enteredAt: string;
	leftAt: string | null;
	exitStatus: string | null;
	lossReason: string;
}

const LIST_CONDITION: Record<FunnelListKind, ReturnType<typeof sql>> = {
	entered: sql`1 = 1`,
	movedOn: sql`(${crmStageVisits.nextStage} is not null or ${crmStageVisits.exitStatus} in ('won', 'converted'))`,
	lost: sql`${crmStageVisits.exitStatus} in ('lost', 'spam')`,
	open: sql`${crmStageVisits.leftAt} is null`
};

/** The records behind one number of the funnel (a stage's entered, moved on, lost or still there), newest first. */
export async function funnelList(db: Reader, workspaceId: string, query: PipelineReportQuery, stage: string, kind: FunnelListKind, limit = 500): Promise<{ items: FunnelListItem[]; more: boolean }> {
	const v = crmStageVisits;
	const rows = await db.all<{ id: string; type: string; title: string; responsible: string | null; entered: number; left_at: number | null; exit_status: string | null; loss_reason: string | null }>(sql`
		select r.id as id, t.key as type, r.title as title, r.responsible_id as responsible,
			x.entered as entered, x.left_at as left_at, x.exit_status as exit_status, x.loss_reason as loss_reason
		from (
			select ${v.recordId} as record_id, max(${v.enteredAt}) as entered, max(${v.leftAt}) as left_at, max(${v.exitStatus}) as exit_status, max(${v.lossReason}) as loss_reason
			from ${v}
			where ${visitFilter(workspaceId, query)} and ${v.recordCreatedAt} >= ${query.period.from.getTime()} and ${v.recordCreatedAt} < ${query.period.to.getTime()}
				and ${v.stage} = ${stage} and ${LIST_CONDITION[kind]}
			group by ${v.recordId}
		) x
		join crm_records r on r.id = x.record_id
		join crm_entity_types t on t.id = r.entity_type_id
		order by x.entered desc, r.id
		limit ${limit + 1}`);
	const labels = await reportLabels(db, query.pipeline, rows.map((r) => r.responsible));
	return {
		more: rows.length > limit,
		items: rows.slice(0, limit).map((r) => ({
			id: r.id,
			type: r.type,
			title: r.title,
			responsibleId: r.responsible,
			responsible: labels.person(r.responsible),
			enteredAt: new Date(num(r.entered)).toISOString(),
			leftAt: r.left_at === null ? null : new Date(num(r.left_at)).toISOString(),
			exitStatus: r.exit_status,
			lossReason: labels.lossReason(r.loss_reason)
		}))
	};
}
