import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { stageTimesReport, type Durations } from '$lib/server/reports/stage-times';
import { funnelReport } from '$lib/server/reports/funnel';
import { refreshAllRollups } from '$lib/server/reports/refresher';
import type { PipelineReportQuery } from '$lib/server/reports/report-context';
import type { Pipeline } from '$lib/server/workflow/pipelines';
import { addMember, makeWorkspace } from '../../helpers/fixtures';
import { tempDatabase } from '../../helpers/temp-db';

/**
 * Time in stage read from its roll-up of duration histograms kept per block of days, against
 * the answers computed here from the same durations: counts and averages exact, medians and
 * 90th percentiles within the 5% the histograms promise, for periods of a day to two years (so
 * blocks of every size), per stage, per responsible and for the cycle; the path without the
 * roll-up (a source filter) agrees with it; a change marks its days and the next report shows it.
 *
 * The stays are written straight into `crm_stage_visits` with the days marked as the CRM's stage
 * writes mark them (their own tests: pipeline-reports.test.ts), so the data set can be large.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;
const START = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 730;
const RECORDS = 1500;

/** PERCENTILE.INC over sorted values. */
function percentile(sorted: number[], p: number): number {
	const rank = p * (sorted.length - 1);
	const i = Math.floor(rank);
	return i + 1 < sorted.length ? sorted[i]! + (sorted[i + 1]! - sorted[i]!) * (rank - i) : sorted[i]!;
}

function expectClose(actual: Durations, durations: number[]) {
	const sorted = [...durations].sort((a, b) => a - b);
	expect(actual.count).toBe(sorted.length);
	if (sorted.length === 0) return expect(actual.medianMs).toBeNull();
	expect(actual.avgMs).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / sorted.length, 3);
	for (const [value, p] of [[actual.medianMs, 0.5], [actual.p90Ms, 0.9]] as const) {
		const exact = percentile(sorted, p);
		expect(Math.abs(value! - exact)).toBeLessThanOrEqual(exact * 0.05 + 1);
	}
}

interface Stay {
	record: string;
	stage: string;
	responsible: string;
	created: number;
	entered: number;
	left: number | null;
	exit: string | null;
}

describe('time in stage from histograms per block of days', () => {
	let database: Awaited<ReturnType<typeof tempDatabase>>;
	let workspaceId: string;
	const people: string[] = [];
	const stays: Stay[] = [];
	const pipeline = {
		key: 'big',
		name: 'Большая воронка',
		entityType: 'deal_big',
		entityTypeId: 'deal-big',
		stages: ['a', 'b', 'c'].map((key) => ({ key, label: key.toUpperCase(), elementId: key })),
		finalStatuses: [],
		lossReasons: []
	} as unknown as Pipeline;
	const query = (fromDay: number, toDay: number, extra: Partial<PipelineReportQuery> = {}): PipelineReportQuery => ({
		pipeline,
		period: { from: new Date(START + fromDay * DAY), to: new Date(START + toDay * DAY) },
		...extra
	});
	const endedIn = (q: PipelineReportQuery) => stays.filter((s) => s.left !== null && s.left >= q.period.from.getTime() && s.left < q.period.to.getTime());

	async function insertStays(rows: Stay[]) {
		await database.write(async (tx) => {
			for (const s of rows)
				await tx.run(sql`insert into crm_stage_visits (workspace_id, record_id, pipeline, stage, record_created_at, entered_at, left_at, exit_status, responsible_id, source)
					values (${workspaceId}, ${s.record}, 'big', ${s.stage}, ${s.created}, ${s.entered}, ${s.left}, ${s.exit}, ${s.responsible}, 'ads')`);
			// What the stage writes do: the days the stays ended are out of date.
			await tx.run(sql`insert or ignore into crm_stage_time_dirty_days select distinct workspace_id, pipeline, left_at / 86400000 from crm_stage_visits where left_at is not null`);
		});
	}

	beforeAll(async () => {
		database = await tempDatabase('stage-time-blocks');
		({ workspaceId } = await makeWorkspace(database, 'owner@blocks.test'));
		for (let i = 0; i < 3; i++) people.push((await addMember(database, workspaceId, `m${i}@blocks.test`, ['employee'])).userId);
		await database.client.execute({ sql: `insert into crm_entity_types (id, workspace_id, key, name, built_in, created_at) values ('deal-big', ?, 'deal_big', 'Сделки', 0, 0)`, args: [workspaceId] });
		// Durations log-uniform from a minute to ten days, so they spread over many buckets.
		let seed = 12345;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		const duration = () => Math.round(MINUTE * Math.exp(random() * Math.log(14_400)));
		await database.write(async (tx) => {
			for (let i = 0; i < RECORDS; i++)
				await tx.run(sql`insert into crm_records (id, workspace_id, entity_type_id, pipeline, stage, status, title, responsible_id, field_values, search_text, created_at, updated_at)
					values (${`r${i}`}, ${workspaceId}, 'deal-big', 'big', 'a', 'open', ${`Сделка ${i}`}, ${people[i % 3]!}, '{}', '', ${START}, ${START})`);
		});
		for (let i = 0; i < RECORDS; i++) {
			const created = START + Math.floor(random() * (SPAN_DAYS - 30) * DAY);
			let at = created;
			for (const [j, stage] of ['a', 'b', 'c'].entries()) {
				const left = i % 10 === 0 && j === 2 ? null : at + duration();
				stays.push({ record: `r${i}`, stage, responsible: people[(i + j) % 3]!, created, entered: at, left, exit: j < 2 || left === null ? null : i % 3 === 0 ? 'won' : 'lost' });
				if (left === null) break;
				at = left;
			}
		}
		await insertStays(stays);
	});
	afterAll(() => database?.dispose());

	it('counts and averages exactly, and medians and 90th percentiles within 5%, for periods of any length', async () => {
		for (const [from, to] of [[0, SPAN_DAYS], [100, 465], [200, 291], [333, 363], [400, 401]] as const) {
			const q = query(from, to);
			const report = await stageTimesReport(database, workspaceId, q);
			const ended = endedIn(q);
			expect(ended.length).toBeGreaterThan(0);
			for (const stage of ['a', 'b', 'c']) expectClose(report.stages.find((s) => s.key === stage)!, ended.filter((s) => s.stage === stage).map((s) => s.left! - s.entered));
			for (const person of people)
				expectClose(
					report.byResponsible.find((r) => r.stage === 'b' && r.responsibleId === person) ?? { count: 0, avgMs: null, medianMs: null, p90Ms: null },
					ended.filter((s) => s.stage === 'b' && s.responsible === person).map((s) => s.left! - s.entered)
				);
			expectClose(report.cycle.won, ended.filter((s) => s.exit === 'won').map((s) => s.left! - s.created));
			expectClose(report.cycle.closed, ended.filter((s) => s.exit !== null).map((s) => s.left! - s.created));
		}
	});

	it('gives one responsible only their own stays', async () => {
		const q = query(0, SPAN_DAYS, { responsibleId: people[1] });
		const report = await stageTimesReport(database, workspaceId, q);
		expect(new Set(report.byResponsible.map((r) => r.responsibleId))).toEqual(new Set([people[1]]));
		expectClose(report.stages.find((s) => s.key === 'a')!, endedIn(q).filter((s) => s.stage === 'a' && s.responsible === people[1]).map((s) => s.left! - s.entered));
	});

	it('reads the same numbers from the stays when filtered by a source the roll-up does not keep', async () => {
		// Every stay here came from «ads»: the filtered report must equal the unfiltered one.
		for (const [from, to] of [[0, SPAN_DAYS], [333, 363]] as const) {
			const now = new Date(START + SPAN_DAYS * DAY);
			const fromBlocks = await stageTimesReport(database, workspaceId, query(from, to), now);
			const fromStays = await stageTimesReport(database, workspaceId, query(from, to, { source: 'ads' }), now);
			expect({ ...fromStays, filters: null }).toEqual({ ...fromBlocks, filters: null });
		}
	});

	it('shows a stay that ended later and a change of hands once its day is rebuilt (here by the background refresher)', async () => {
		const q = query(0, SPAN_DAYS);
		const before = await stageTimesReport(database, workspaceId, q);
		const open = stays.find((s) => s.left === null)!;
		open.left = open.entered + 3 * 60 * MINUTE;
		open.exit = 'won';
		open.responsible = people[2]!;
		await database.write(async (tx) => {
			await tx.run(sql`update crm_stage_visits set left_at = ${open.left}, exit_status = 'won', responsible_id = ${open.responsible} where record_id = ${open.record} and left_at is null`);
			await tx.run(sql`insert or ignore into crm_stage_time_dirty_days values (${workspaceId}, 'big', ${Math.floor(open.left! / DAY)})`);
		});
		// The background refresher rebuilds the marked day; the report then has nothing left to do.
		expect(await refreshAllRollups(database)).toBe(1);
		const dirty = await database.client.execute('select count(*) as n from crm_stage_time_dirty_days');
		expect(Number(dirty.rows[0]!.n)).toBe(0);
		const after = await stageTimesReport(database, workspaceId, q);
		expect(after.stages.find((s) => s.key === 'c')!.count).toBe(before.stages.find((s) => s.key === 'c')!.count + 1);
		expect(after.cycle.won.count).toBe(before.cycle.won.count + 1);
		expectClose(after.stages.find((s) => s.key === 'c')!, endedIn(q).filter((s) => s.stage === 'c').map((s) => s.left! - s.entered));
	});

	it('keeps the funnel of a long period equal to the sum of its parts', async () => {
		await database.client.execute(`insert or ignore into crm_funnel_dirty_days select distinct workspace_id, pipeline, record_created_at / 86400000 from crm_stage_visits`);
		const whole = await funnelReport(database, workspaceId, query(0, SPAN_DAYS));
		const parts = await Promise.all([query(0, 123), query(123, 500), query(500, SPAN_DAYS)].map((q) => funnelReport(database, workspaceId, q)));
		expect(whole.records).toBe(RECORDS);
		for (const stage of ['a', 'b', 'c'])
			expect(parts.reduce((n, p) => n + p.stages.find((s) => s.key === stage)!.entered, 0)).toBe(whole.stages.find((s) => s.key === stage)!.entered);
		expect(whole.stages.map((s) => s.entered)).toEqual([RECORDS, RECORDS, RECORDS]);
		expect(whole.outcomes.open).toBe(RECORDS / 10 - 1);
	});
});
