import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from '../../../src/lib/server/db/connect';
import { funnelReport } from '../../../src/lib/server/reports/funnel';
import { refreshFunnelDays } from '../../../src/lib/server/reports/funnel-days';
import { refreshStageTimeDays } from '../../../src/lib/server/reports/stage-time-blocks';
import { stageTimesReport } from '../../../src/lib/server/reports/stage-times';
import type { PipelineReportQuery } from '../../../src/lib/server/reports/report-context';
import type { Pipeline } from '../../../src/lib/server/workflow/pipelines';
import { addMember, makeWorkspace } from '../../helpers/fixtures';

/**
 * `npm run bench:reports` (issue 7): the funnel and time in stage over BENCH_RECORDS (1,000,000)
 * deals and ten stays each (10,000,000 history rows) generated into a libsql file, over two
 * years, for a month, a quarter, a year and everything. The baseline, measured in the same run
 * on the same file, is the cheapest query that reads the same stays: a count over the period's
 * range of the index the report would use. Both reports read their roll-ups, kept per block of
 * days (built once after generating, timed apart, as is rebuilding ten changed days).
 * Prints; not part of the pass/fail suite. The last line is machine-readable.
 */
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const STAYS = 10;
const PEOPLE = 12;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00Z');
const SPAN = 730 * DAY;

mkdirSync(resolve('test/.tmp'), { recursive: true });
const dir = mkdtempSync(resolve('test/.tmp/bench-reports-'));
const database = await connect(`file:${join(dir, 'reports.db')}`);

const { workspaceId, ownerId } = await makeWorkspace(database, 'owner@bench.test');
const people = [ownerId];
for (let i = 1; i < PEOPLE; i++) people.push((await addMember(database, workspaceId, `m${i}@bench.test`, ['employee'])).userId);
await database.client.execute({ sql: `insert into crm_entity_types (id, workspace_id, key, name, built_in, created_at) values ('deal-type', ?, 'deal_bench', 'Сделки', 0, 0)`, args: [workspaceId] });
await database.client.execute({ sql: `create temp table people (n integer primary key, id text)`, args: [] });
for (const [n, id] of people.entries()) await database.client.execute({ sql: `insert into people values (?, ?)`, args: [n, id] });

const stages = Array.from({ length: STAYS }, (_, i) => ({ key: `s${i}`, label: `Стадия ${i + 1}`, elementId: `s${i}` }));
const pipeline = { key: 'bench', name: 'Бенчмарк', entityType: 'deal_bench', entityTypeId: 'deal-type', stages, finalStatuses: [], lossReasons: [] } as unknown as Pipeline;

const t0 = performance.now();
// Records: created evenly over two years; the responsible and source in turn.
await database.client.execute({
	sql: `insert into crm_records (id, workspace_id, entity_type_id, pipeline, stage, status, title, responsible_id, field_values, search_text, created_at, updated_at)
		with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ?)
		select 'r' || i, ?, 'deal-type', 'bench', 's9', 'open', 'Сделка ' || i, (select id from people where people.n = i % ${PEOPLE}), '{}', '', ? + i * ?, ? + i * ?
		from n`,
	args: [RECORDS, workspaceId, START, Math.floor(SPAN / RECORDS), START, Math.floor(SPAN / RECORDS)]
});
// Stays: ten per record, back to back, each between a quarter of an hour and fourteen hours long
// (a step of 0.3 day with a pseudo-random shift of up to 0.29 day at every move); a third of the
// records are lost at their last stay (with one of three reasons), a third won, a third still there.
const step = Math.floor(DAY * 0.3);
const shift = (j: string) => `(case when ${j} = 0 then 0 else ((i * 2654435761 + ${j} * 40503) % 1000003) * 25 end)`;
await database.client.execute({
	sql: `insert into crm_stage_visits (workspace_id, record_id, pipeline, stage, record_created_at, entered_at, left_at, next_stage, exit_status, loss_reason, responsible_id, source, repeat)
		with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ?),
		s(j) as (select 0 union all select j + 1 from s where j + 1 < ${STAYS})
		select ?, 'r' || i, 'bench', 's' || j, ? + i * ?,
			? + i * ? + j * ${step} + ${shift('j')},
			case when j < ${STAYS - 1} or i % 3 <> 2 then ? + i * ? + (j + 1) * ${step} + ${shift('(j + 1)')} end,
			case when j < ${STAYS - 1} then 's' || (j + 1) end,
			case when j = ${STAYS - 1} and i % 3 = 0 then 'lost' when j = ${STAYS - 1} and i % 3 = 1 then 'won' end,
			case when j = ${STAYS - 1} and i % 3 = 0 then 'reason' || (i % 7 % 3) end,
			(select id from people where people.n = i % ${PEOPLE}), 'src' || (i % 5), i % 11 = 0
		from n, s order by i, j`,
	args: [RECORDS, workspaceId, START, Math.floor(SPAN / RECORDS), START, Math.floor(SPAN / RECORDS), START, Math.floor(SPAN / RECORDS)]
});
// Written directly, the stays mark their days for the roll-ups as the app's writes do.
await database.client.execute(`insert or ignore into crm_funnel_dirty_days select distinct workspace_id, pipeline, record_created_at / 86400000 from crm_stage_visits`);
await database.client.execute(`insert or ignore into crm_stage_time_dirty_days select distinct workspace_id, pipeline, left_at / 86400000 from crm_stage_visits where left_at is not null`);
const generated = (performance.now() - t0) / 1000;
const rows = Number((await database.client.execute('select count(*) as n from crm_stage_visits')).rows[0]!.n);
console.log(`generated ${RECORDS} records and ${rows} history rows in ${generated.toFixed(0)} s`);
for (const [name, refresh, dirtyTable] of [
	['funnel', refreshFunnelDays, 'crm_funnel_dirty_days'],
	['time-in-stage', refreshStageTimeDays, 'crm_stage_time_dirty_days']
] as const) {
	const t1 = performance.now();
	const rebuilt = await refresh(database, workspaceId, 'bench');
	console.log(`built the ${name} roll-up (${rebuilt} days, from nothing) in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
	// What a report pays after a day of work: the roll-up of the ten newest days rebuilt.
	const lastDay = Math.floor((START + SPAN) / DAY) - 1;
	for (let d = lastDay - 9; d <= lastDay; d++) await database.client.execute({ sql: `insert or ignore into ${dirtyTable} values (?, 'bench', ?)`, args: [workspaceId, d] });
	const t2 = performance.now();
	await refresh(database, workspaceId, 'bench');
	console.log(`rebuilt ten changed days of the ${name} roll-up in ${(performance.now() - t2).toFixed(0)} ms`);
}

const periods: [string, number][] = process.env.BENCH_PERIODS === 'none' ? [] : [
	['month', 30],
	['quarter', 91],
	['year', 365],
	['all', 730]
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
	const runs: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		await fn();
		runs.push(performance.now() - t);
	}
	return median(runs);
}

const results: Record<string, number> = {};
for (const [name, days] of periods) {
	const to = START + SPAN;
	const period = { from: new Date(to - days * DAY), to: new Date(to) };
	const query: PipelineReportQuery = { pipeline, period };
	const baseline = await time(() =>
		database.client.execute({
			sql: `select count(*) from crm_stage_visits where workspace_id = ? and pipeline = 'bench' and record_created_at >= ? and record_created_at < ?`,
			args: [workspaceId, period.from.getTime(), period.to.getTime()]
		})
	);
	const endedBaseline = await time(() =>
		database.client.execute({
			sql: `select count(*) from crm_stage_visits where workspace_id = ? and pipeline = 'bench' and left_at >= ? and left_at < ?`,
			args: [workspaceId, period.from.getTime(), period.to.getTime()]
		})
	);
	const funnel = await time(() => funnelReport(database, workspaceId, query));
	const times = await time(() => stageTimesReport(database, workspaceId, query));
	const sample = await funnelReport(database, workspaceId, query);
	console.log(
		`${name.padEnd(8)} cohort ${String(sample.records).padStart(8)} records: funnel ${funnel.toFixed(0)} ms (×${(funnel / baseline).toFixed(1)} of a count over its index range, ${baseline.toFixed(0)} ms); ` +
			`stage times ${times.toFixed(0)} ms (×${(times / endedBaseline).toFixed(1)} of ${endedBaseline.toFixed(0)} ms)`
	);
	results[`funnel_${name}_ms`] = Math.round(funnel);
	results[`stage_times_${name}_ms`] = Math.round(times);
	if (name === 'month') {
		// Filtered by a source, which the roll-ups do not keep: the funnel still reads its blocks
		// (they keep the source), time in stage builds its histograms from the month's stays.
		const bySource = { ...query, source: 'src1' };
		const funnelBySource = await time(() => funnelReport(database, workspaceId, bySource));
		const timesBySource = await time(() => stageTimesReport(database, workspaceId, bySource));
		console.log(`month, one source of five: funnel ${funnelBySource.toFixed(0)} ms; stage times ${timesBySource.toFixed(0)} ms (×${(timesBySource / endedBaseline).toFixed(1)} of a count over the month's ended stays)`);
		results.stage_times_month_source_ms = Math.round(timesBySource);
	}
}
console.log(Object.entries(results).map(([k, v]) => `${k}=${v}`).join(' '));

database.close();
if (process.env.BENCH_KEEP) console.log(`kept ${join(dir, 'reports.db')}`);
else rmSync(dir, { recursive: true, force: true });
