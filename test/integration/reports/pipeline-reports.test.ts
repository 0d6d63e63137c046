import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { VirtualClock, realClock } from '$lib/engine';
import { translator } from '$lib/i18n';
import { setWorkflowClock } from '$lib/server/workflow/workflow-tx';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { moveRecord } from '$lib/server/workflow/moves';
import { updateRecord } from '$lib/server/crm/records';
import { funnelList, funnelReport, funnelTables } from '$lib/server/reports/funnel';
import { stageTimesReport, stageTimesTables } from '$lib/server/reports/stage-times';
import { pipelineReportQuery } from '$lib/server/reports/report-context';
import { toCsv, toXlsx } from '$lib/server/reports/export';
import { bpmn, workflowWorkspace, type Person } from '../crm/workflow-fixtures';

/**
 * Funnel and time in stage over a data set with known answers: deals moved through a two-stage
 * pipeline at set virtual times, through the same create and move paths the app uses.
 */

const FLOW = `
    <startEvent id="start" name="Сделка создана" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="new_deal" />
    <userTask id="new_deal" name="Новая сделка">
      <extensionElements>
        <potok:stage key="new" label="Новая" />
        <potok:fields>
          <potok:field key="loss_reason" label="Причина отказа" type="enum" options="Дорого,Передумал" requiredWhen="=outcome = &quot;lost&quot;" />
        </potok:fields>
        <potok:outcomes>
          <potok:outcome key="meeting" label="Встреча назначена" />
          <potok:outcome key="lost" label="Отказ" />
        </potok:outcomes>
      </extensionElements>
    </userTask>
    <sequenceFlow id="f2" sourceRef="new_deal" targetRef="route" />
    <exclusiveGateway id="route" name="Встреча?" default="to_lost" />
    <sequenceFlow id="to_meeting" name="Встреча" sourceRef="route" targetRef="meeting"><conditionExpression>=outcome = "meeting"</conditionExpression></sequenceFlow>
    <sequenceFlow id="to_lost" name="Отказ" sourceRef="route" targetRef="lost" />
    <userTask id="meeting" name="Встреча">
      <extensionElements>
        <potok:stage key="meeting" label="Встреча" />
        <potok:outcomes>
          <potok:outcome key="won" label="Успешно" />
          <potok:outcome key="lost" label="Отказ" />
        </potok:outcomes>
      </extensionElements>
    </userTask>
    <sequenceFlow id="f3" sourceRef="meeting" targetRef="result" />
    <exclusiveGateway id="result" name="Итог?" default="to_lost_2" />
    <sequenceFlow id="to_won" name="Успешно" sourceRef="result" targetRef="won"><conditionExpression>=outcome = "won"</conditionExpression></sequenceFlow>
    <sequenceFlow id="to_lost_2" name="Отказ" sourceRef="result" targetRef="lost_2" />
    <endEvent id="won" name="Успех"><extensionElements><potok:outcome status="won" /></extensionElements></endEvent>
    <endEvent id="lost" name="Провал"><extensionElements><potok:outcome status="lost" /></extensionElements></endEvent>
    <endEvent id="lost_2" name="Провал после встречи"><extensionElements><potok:outcome status="lost" /></extensionElements></endEvent>`;

const HOUR = 3_600_000;
const t = translator('ru') as unknown as (key: string) => string;

describe('pipeline reports over a known data set', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let head: Person;
	let anna: Person;
	let boris: Person;
	const clock = new VirtualClock(Date.parse('2026-02-27T09:00:00Z'));
	const ids: Record<string, string> = {};

	const at = (iso: string) => clock.set(Date.parse(iso));
	async function create(name: string, who: Person, source: string, when: string) {
		at(when);
		const created = await createRecordInPipeline(ws.db, head.scope, { type: 'deal', pipeline: 'funnel', title: name, responsibleId: who.userId, values: { source } });
		ids[name] = created.id;
	}
	async function move(name: string, stage: string, when: string, fields?: Record<string, unknown>) {
		at(when);
		await moveRecord(ws.db, head.scope, ids[name]!, { stage, fields });
	}
	const query = (params: Record<string, string>, as: Person = head) => pipelineReportQuery(ws.db, as.scope, new URLSearchParams({ pipeline: 'funnel', ...params }), new Date(clock.now()));

	beforeAll(async () => {
		setWorkflowClock(clock);
		ws = await workflowWorkspace('reports');
		head = await ws.person(['manager'], 'head');
		anna = await ws.person(['employee'], 'anna');
		boris = await ws.person(['employee'], 'boris');
		await ws.published('Воронка', 'deal', await bpmn('funnel', FLOW));

		await create('r0', anna, 'call', '2026-02-27T09:00:00Z');
		await move('r0', 'meeting', '2026-03-01T09:00:00Z'); // «Новая» 48 h, ended in March
		await create('r1', anna, 'web', '2026-03-02T09:00:00Z');
		await create('r2', anna, 'call', '2026-03-02T10:00:00Z');
		await move('r1', 'meeting', '2026-03-02T11:00:00Z'); // 2 h
		await create('r3', boris, 'web', '2026-03-02T12:00:00Z');
		await move('r2', 'lost', '2026-03-02T14:00:00Z', { loss_reason: 'Дорого' }); // 4 h, cycle 4 h
		await move('r3', 'meeting', '2026-03-02T16:00:00Z'); // 4 h
		await move('r1', 'won', '2026-03-02T21:00:00Z'); // «Встреча» 10 h, cycle 12 h
		await move('r3', 'lost', '2026-03-03T16:00:00Z', { loss_reason: 'Передумал' }); // 24 h, cycle 28 h
		await create('r4', boris, 'web', '2026-03-03T18:00:00Z'); // stays at «Новая»
		await create('r5', anna, 'web', '2026-04-01T10:00:00Z');
		await move('r5', 'meeting', '2026-04-01T12:00:00Z'); // 2 h, in April
		at('2026-04-02T12:00:00Z');
	});
	afterAll(() => {
		setWorkflowClock(realClock);
		ws.db.dispose();
	});

	it('counts the March cohort through the stages, with losses, reasons and conversions', async () => {
		const report = await funnelReport(ws.db, ws.workspaceId, await query({ from: '2026-03-01', to: '2026-03-31' }));
		expect(report.records).toBe(4);
		expect(report.stages).toEqual([
			{ key: 'new', label: 'Новая', entered: 4, movedOn: 2, lost: 1, open: 1, fromPrevious: null, fromFirst: 1, lossReasons: [{ reason: 'Дорого', label: 'Дорого', count: 1 }] },
			{ key: 'meeting', label: 'Встреча', entered: 2, movedOn: 1, lost: 1, open: 0, fromPrevious: 0.5, fromFirst: 0.5, lossReasons: [{ reason: 'Передумал', label: 'Передумал', count: 1 }] }
		]);
		expect(report.outcomes).toEqual({ won: 1, lost: 2, spam: 0, converted: 0, open: 1, other: 0 });
		expect(report.byResponsible).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ key: anna.userId, records: 2, won: 1, lost: 1, open: 0, conversion: 0.5 }),
				expect.objectContaining({ key: boris.userId, records: 2, won: 0, lost: 1, open: 1, conversion: 0 })
			])
		);
		expect(report.bySource).toEqual([
			expect.objectContaining({ key: 'web', label: 'Сайт', records: 3, won: 1, lost: 1, open: 1 }),
			expect.objectContaining({ key: 'call', label: 'Звонок', records: 1, won: 0, lost: 1 })
		]);
		expect(report.byRepeat).toEqual([expect.objectContaining({ key: 'new', records: 4 })]);
	});

	it('lists the records behind each number of the funnel', async () => {
		const q = await query({ from: '2026-03-01', to: '2026-03-31' });
		const titles = async (stage: string, kind: Parameters<typeof funnelList>[4]) => (await funnelList(ws.db.db, ws.workspaceId, q, stage, kind)).items.map((i) => i.title).sort();
		expect(await titles('new', 'entered')).toEqual(['r1', 'r2', 'r3', 'r4']);
		expect(await titles('new', 'movedOn')).toEqual(['r1', 'r3']);
		expect(await titles('new', 'lost')).toEqual(['r2']);
		expect(await titles('new', 'open')).toEqual(['r4']);
		expect(await titles('meeting', 'lost')).toEqual(['r3']);
		const [lost] = (await funnelList(ws.db.db, ws.workspaceId, q, 'meeting', 'lost')).items;
		expect(lost).toMatchObject({ type: 'deal', exitStatus: 'lost', lossReason: 'Передумал', responsible: 'boris-reports', leftAt: '2026-03-03T16:00:00.000Z' });
		const page = await funnelList(ws.db.db, ws.workspaceId, q, 'new', 'entered', 3);
		expect([page.items.length, page.more]).toEqual([3, true]);
	});

	it('filters by responsible and source, and by the period of creation', async () => {
		const annas = await funnelReport(ws.db, ws.workspaceId, await query({ from: '2026-03-01', to: '2026-03-31', responsible: anna.userId }));
		expect(annas.stages.map((s) => [s.key, s.entered])).toEqual([['new', 2], ['meeting', 1]]);
		const web = await funnelReport(ws.db, ws.workspaceId, await query({ from: '2026-03-01', to: '2026-03-31', source: 'web' }));
		expect(web.stages.map((s) => [s.key, s.entered, s.lost])).toEqual([['new', 3, 0], ['meeting', 2, 1]]);
		const april = await funnelReport(ws.db, ws.workspaceId, await query({ from: '2026-04-01', to: '2026-04-30' }));
		expect(april.records).toBe(1);
		expect(april.stages.map((s) => [s.key, s.entered, s.open])).toEqual([['new', 1, 0], ['meeting', 1, 1]]);
		const empty = await funnelReport(ws.db, ws.workspaceId, await query({ from: '2025-01-01', to: '2025-01-31' }));
		expect(empty.records).toBe(0);
		expect(empty.stages.map((s) => s.entered)).toEqual([0, 0]);
	});

	it('an employee gets only their own numbers, whoever they ask for', async () => {
		const own = await funnelReport(ws.db, ws.workspaceId, await query({ from: '2026-03-01', to: '2026-03-31', responsible: anna.userId }, boris));
		expect(own.filters.responsible).toBe(boris.userId);
		expect(own.records).toBe(2);
		expect(own.byResponsible.map((r) => r.key)).toEqual([boris.userId]);
	});

	it('measures time in stage with exact medians and 90th percentiles, and the cycle', async () => {
		const report = await stageTimesReport(ws.db, ws.workspaceId, await query({ from: '2026-03-01', to: '2026-03-31' }), new Date(clock.now()));
		const hours = (d: { count: number; avgMs: number | null; medianMs: number | null; p90Ms: number | null }) => [d.count, d.avgMs! / HOUR, d.medianMs! / HOUR, d.p90Ms! / HOUR];
		const [fresh, meeting] = report.stages;
		// «Новая»: 2, 4, 4, 48 h
		expect(hours(fresh!)).toEqual([4, 14.5, 4, expect.closeTo(34.8, 9)]);
		// «Встреча»: 10, 24 h
		expect(hours(meeting!)).toEqual([2, 17, 17, expect.closeTo(22.6, 9)]);
		expect(hours(report.cycle.won)).toEqual([1, 12, 12, 12]);
		// Closed: 4, 12, 28 h
		expect(hours(report.cycle.closed)).toEqual([3, expect.closeTo(44 / 3, 9), 12, expect.closeTo(24.8, 9)]);
		const annaNew = report.byResponsible.find((r) => r.stage === 'new' && r.responsibleId === anna.userId)!;
		expect(hours(annaNew)).toEqual([3, 18, 4, expect.closeTo(39.2, 9)]);
		expect(report.slowest.map((s) => [s.stage, s.records.map((r) => r.title)])).toEqual([
			['new', ['r4']],
			['meeting', ['r0', 'r5']]
		]);
		expect(report.slowest[1]!.records[0]!.waitingMs).toBe(Date.parse('2026-04-02T12:00:00Z') - Date.parse('2026-03-01T09:00:00Z'));
	});

	it('stays that ended in April belong to April', async () => {
		const report = await stageTimesReport(ws.db, ws.workspaceId, await query({ from: '2026-04-01', to: '2026-04-30' }));
		expect(report.stages.map((s) => [s.key, s.count, s.medianMs])).toEqual([
			['new', 1, 2 * HOUR],
			['meeting', 0, null]
		]);
	});

	it('downloads as an XLSX workbook with typed cells and as CSV with the same numbers', async () => {
		const q = await query({ from: '2026-03-01', to: '2026-03-31' });
		const funnel = await funnelReport(ws.db, ws.workspaceId, q);
		const times = await stageTimesReport(ws.db, ws.workspaceId, q);
		const tables = [...funnelTables(funnel, t), ...stageTimesTables(times, t)];
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await toXlsx(tables)).buffer as ArrayBuffer);
		const sheet = book.getWorksheet('Воронка')!;
		expect(sheet.getRow(1).values).toEqual([undefined, 'Стадия', 'Дошли', 'Ушли дальше', 'Отвалились', 'Стоят сейчас', 'Конверсия из предыдущей', 'Конверсия из первой']);
		expect(sheet.getRow(2).values).toEqual([undefined, 'Новая', 4, 2, 1, 1, undefined, 1]);
		expect(sheet.getRow(3).values).toEqual([undefined, 'Встреча', 2, 1, 1, 0, 0.5, 0.5]);
		expect(sheet.getCell('G3').numFmt).toBe('0.0%');
		const stageSheet = book.getWorksheet('Время на стадиях')!;
		expect(stageSheet.getRow(2).values).toEqual([undefined, 'Новая', 4, 14.5, 4, expect.closeTo(34.8, 9)]);
		expect(book.getWorksheet('Причины отказов')!.getRow(2).values).toEqual([undefined, 'Новая', 'Дорого', 1]);

		const csv = toCsv(tables);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('Новая,4,2,1,1,,1\r\n');
		expect(csv).toContain('Встреча,2,1,1,0,0.5,0.5\r\n');
	});

	it('refuses an unknown pipeline and a reversed period by name, and approvers altogether', async () => {
		await expect(pipelineReportQuery(ws.db, head.scope, new URLSearchParams({ pipeline: 'nope' }))).rejects.toMatchObject({ code: 'validation', details: [{ field: 'pipeline' }] });
		await expect(query({ from: '2026-03-31', to: '2026-03-01' })).rejects.toMatchObject({ code: 'validation', details: [{ field: 'from', message: 'period_reversed' }] });
		await expect(query({ from: '31.03.2026' })).rejects.toMatchObject({ code: 'validation', details: [{ field: 'from' }] });
		const approver = await ws.person(['approver'], 'client');
		await expect(query({}, approver)).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('keeps the funnel and time in stage current as records move on and change hands (the roll-ups are rebuilt for the days that changed)', async () => {
		const march = () => query({ from: '2026-03-01', to: '2026-03-31' }).then((q) => funnelReport(ws.db, ws.workspaceId, q));
		await march();
		await move('r4', 'meeting', '2026-04-02T13:00:00Z');
		const moved = await march();
		expect(moved.stages.map((s) => [s.key, s.entered, s.movedOn, s.open])).toEqual([['new', 4, 3, 0], ['meeting', 3, 1, 1]]);
		// Time in stage's roll-up too: r4's stay in «Новая» ended in April, in Boris's hands, then Anna's.
		const aprilNew = async () =>
			(await stageTimesReport(ws.db, ws.workspaceId, await query({ from: '2026-04-01', to: '2026-04-30' }))).byResponsible.filter((r) => r.stage === 'new').map((r) => [r.name, r.count]);
		expect(await aprilNew()).toEqual([['anna-reports', 1], ['boris-reports', 1]]);
		await updateRecord(ws.db, head.scope, ids.r4!, { responsibleId: anna.userId });
		const handed = await march();
		expect(handed.byResponsible.map((r) => [r.key, r.records])).toEqual([[anna.userId, 3], [boris.userId, 1]]);
		expect(await aprilNew()).toEqual([['anna-reports', 2]]);
	});
});
