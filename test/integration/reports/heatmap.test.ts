import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { realClock, VirtualClock } from '$lib/engine';
import { parsePeriod } from '$lib/server/reports/common';
import { toXlsx } from '$lib/server/reports/export';
import { heatmapElementRecords, heatmapReport, heatmapTables, type HeatmapReport } from '$lib/server/reports/heatmap';
import { parseHeatmapParams, resolveHeatmapTarget, versionDiagram } from '$lib/server/reports/heatmap-query';
import { heatmapPaths, heatmapSchema } from '$lib/server/reports/heatmap-openapi';
import { createDocument } from 'zod-openapi';
import { publishProcess } from '$lib/server/workflow/publish';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { moveRecord } from '$lib/server/workflow/moves';
import { setWorkflowClock } from '$lib/server/workflow/workflow-tx';
import { GET } from '../../../src/routes/api/v1/w/[ws]/reports/heatmap/+server';
import { load } from '../../../src/routes/w/[ws]/reports/heatmap/+page.server';
import { bpmn, workflowWorkspace, type Person } from '../crm/workflow-fixtures';

const FLOW = `
  <startEvent id="start" name="Заявка" />
  <sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
  <userTask id="qualify" name="Квалифицировать"><extensionElements><potok:stage key="new" label="Новая" /></extensionElements></userTask>
  <sequenceFlow id="f2" sourceRef="qualify" targetRef="offer" />
  <userTask id="offer" name="Отправить КП"><extensionElements><potok:stage key="offer" label="КП" /></extensionElements></userTask>
  <sequenceFlow id="f3" sourceRef="offer" targetRef="won" />
  <endEvent id="won" name="Продано"><extensionElements><potok:outcome status="won" /></extensionElements></endEvent>`;

/** Version 2 asks for a call between the qualification and the offer. */
const FLOW_V2 = FLOW.replace(
	'<sequenceFlow id="f2" sourceRef="qualify" targetRef="offer" />',
	`<sequenceFlow id="f2" sourceRef="qualify" targetRef="call" />
  <userTask id="call" name="Позвонить"><extensionElements><potok:stage key="call" label="Звонок" /></extensionElements></userTask>
  <sequenceFlow id="f2b" sourceRef="call" targetRef="offer" />`
);

const HOUR = 3_600_000;
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const march = (from = '2026-03-01', to = '2026-03-31') => parsePeriod(new URLSearchParams({ from, to }));
const byId = (report: HeatmapReport) => Object.fromEntries(report.elements.map((e) => [e.elementId, e]));

describe('the process heatmap', () => {
	const clock = new VirtualClock(at('2026-03-02T09:00:00Z'));
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let anna: Person;
	let boris: Person;
	let processId: string;
	const ids: Record<string, string> = {};

	async function create(name: string, who: Person, when: string) {
		clock.set(at(when));
		ids[name] = (await createRecordInPipeline(ws.db, who.scope, { type: 'deal', pipeline: 'heat', title: name })).id;
	}
	async function move(name: string, stage: string, when: string) {
		clock.set(at(when));
		await moveRecord(ws.db, ws.owner.scope, ids[name]!, { stage });
	}
	async function report(options: { version?: number; from?: string; to?: string; responsibleId?: string } = {}) {
		const target = await resolveHeatmapTarget(ws.db.db, ws.workspaceId, { process: 'heat', version: options.version ?? null });
		return heatmapReport(ws.db.db, ws.workspaceId, target!, { period: march(options.from, options.to), responsibleId: options.responsibleId });
	}

	beforeAll(async () => {
		setWorkflowClock(clock);
		ws = await workflowWorkspace('heatmap');
		anna = await ws.person(['employee'], 'anna');
		boris = await ws.person(['employee'], 'boris');
		processId = (await ws.published('Продажи', 'deal', await bpmn('heat', FLOW))).processId;
		// version 1, on 2 March: qualify takes 1 h, 2 h and 4 h; the offer 3 h and 30 min, one still waits
		await create('Кухня Ивановых', anna, '2026-03-02T09:00:00Z');
		await create('Кухня Петровых', boris, '2026-03-02T09:30:00Z');
		await create('Кухня Сидоровых', anna, '2026-03-02T10:00:00Z');
		await move('Кухня Ивановых', 'offer', '2026-03-02T10:00:00Z');
		await move('Кухня Петровых', 'offer', '2026-03-02T11:30:00Z');
		await move('Кухня Ивановых', 'won', '2026-03-02T13:00:00Z');
		await move('Кухня Сидоровых', 'offer', '2026-03-02T14:00:00Z');
		await move('Кухня Сидоровых', 'won', '2026-03-02T14:30:00Z');
		// on 10 March: one more on version 1, then version 2 is published and takes the next one
		await create('Кухня Смирновых', anna, '2026-03-10T09:00:00Z');
		await ws.saveToBe(processId, await bpmn('heat', FLOW_V2));
		await publishProcess(ws.db, ws.owner.scope, processId);
		await create('Кухня Орловых', boris, '2026-03-10T10:00:00Z');
		await move('Кухня Орловых', 'call', '2026-03-10T10:20:00Z');
	});
	afterAll(() => {
		setWorkflowClock(realClock);
		ws.db.dispose();
	});

	it('counts the tokens that entered each element and the median and average time of those that completed it', async () => {
		const r = await report({ version: 1, to: '2026-03-05' });
		expect(r.process).toMatchObject({ key: 'heat', name: 'Продажи' });
		expect(r.version).toBe(1);
		expect(r.versions.map((v) => [v.version, v.current])).toEqual([
			[2, true],
			[1, false]
		]);
		expect(r.period).toEqual({ from: '2026-03-01', to: '2026-03-05' });
		expect(r.elements.map((e) => e.elementId)).toEqual(['start', 'qualify', 'offer', 'won']);
		const e = byId(r);
		expect(e.start).toMatchObject({ name: 'Заявка', type: 'bpmn:StartEvent', entered: 3, completed: 3, active: 0, medianMs: 0, avgMs: 0 });
		expect(e.qualify).toMatchObject({ name: 'Квалифицировать', type: 'bpmn:UserTask', entered: 3, completed: 3, active: 0, medianMs: 2 * HOUR, avgMs: Math.round((7 * HOUR) / 3) });
		expect(e.offer).toMatchObject({ entered: 3, completed: 2, active: 1, medianMs: (3 * HOUR + 30 * MIN) / 2, avgMs: (3 * HOUR + 30 * MIN) / 2 });
		expect(e.won).toMatchObject({ entered: 2, completed: 2, medianMs: 0 });
		expect(r.maxEntered).toBe(3);
	});

	it('takes only the tokens that entered in the period', async () => {
		const later = byId(await report({ version: 1, from: '2026-03-06', to: '2026-03-31' }));
		expect(later.qualify).toMatchObject({ entered: 1, completed: 0, active: 1, medianMs: null, avgMs: null });
		expect(later.offer).toMatchObject({ entered: 0, completed: 0, medianMs: null });
		const whole = byId(await report({ version: 1 }));
		expect(whole.qualify).toMatchObject({ entered: 4, completed: 3, active: 1, medianMs: 2 * HOUR });
	});

	it('reads one version at a time: the current one by default, with its own elements', async () => {
		const current = await report();
		expect(current.version).toBe(2);
		expect(current.elements.map((e) => e.elementId)).toEqual(['start', 'qualify', 'call', 'offer', 'won']);
		const e = byId(current);
		expect(e.qualify).toMatchObject({ entered: 1, completed: 1, medianMs: 20 * MIN });
		expect(e.call).toMatchObject({ name: 'Позвонить', entered: 1, completed: 0, active: 1 });
		expect(e.offer).toMatchObject({ entered: 0 });
		expect(current.maxEntered).toBe(1);
		expect(await versionDiagram(ws.db.db, ws.workspaceId, (await resolveHeatmapTarget(ws.db.db, ws.workspaceId, { process: 'heat', version: 2 }))!.version)).toContain('id="call"');
	});

	it('shows an employee only the tokens of records they are responsible for', async () => {
		const annas = byId(await report({ version: 1, responsibleId: anna.userId }));
		expect(annas.qualify).toMatchObject({ entered: 3, completed: 2, medianMs: (1 * HOUR + 4 * HOUR) / 2 });
		expect(annas.offer).toMatchObject({ entered: 2, completed: 2, active: 0, medianMs: (3 * HOUR + 30 * MIN) / 2 });
		const boriss = byId(await report({ version: 1, responsibleId: boris.userId }));
		expect(boriss.qualify).toMatchObject({ entered: 1, completed: 1, medianMs: 2 * HOUR });
		expect(boriss.offer).toMatchObject({ entered: 1, completed: 0, active: 1 });
	});

	it('lists the records that passed an element, the latest first, within the employee scope', async () => {
		const target = (await resolveHeatmapTarget(ws.db.db, ws.workspaceId, { process: 'heat', version: 1 }))!;
		const all = await heatmapElementRecords(ws.db.db, ws.workspaceId, target, 'offer', { period: march() });
		expect(all.total).toBe(3);
		expect(all.records.map((r) => [r.title, r.type, r.passes, r.completedMs, r.active])).toEqual([
			['Кухня Сидоровых', 'deal', 1, 30 * MIN, false],
			['Кухня Петровых', 'deal', 1, 0, true],
			['Кухня Ивановых', 'deal', 1, 3 * HOUR, false]
		]);
		expect(all.records[0]!.lastEnteredAt).toEqual(new Date('2026-03-02T14:00:00Z'));
		const limited = await heatmapElementRecords(ws.db.db, ws.workspaceId, target, 'offer', { period: march() }, 1);
		expect([limited.total, limited.records.length]).toEqual([3, 1]);
		const boriss = await heatmapElementRecords(ws.db.db, ws.workspaceId, target, 'offer', { period: march(), responsibleId: boris.userId });
		expect(boriss.records.map((r) => r.id)).toEqual([ids['Кухня Петровых']]);
	});

	it('exports the same numbers to an XLSX that Excel readers open', async () => {
		const r = await report({ version: 1, to: '2026-03-05' });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await toXlsx(heatmapTables(r, 'ru'))).buffer as ArrayBuffer);
		const sheet = book.worksheets[0]!;
		expect(sheet.name).toBe('Тепловая карта, версия 1');
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual(['Элемент', 'Код элемента', 'Тип', 'Вошло', 'Завершено', 'Сейчас в элементе', 'Медиана, ч', 'Среднее, ч']);
		const rows = [2, 3, 4, 5].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
		expect(rows).toEqual([
			['Заявка', 'start', 'StartEvent', 3, 3, 0, 0, 0],
			['Квалифицировать', 'qualify', 'UserTask', 3, 3, 0, 2, Math.round((7 * HOUR) / 3) / HOUR],
			['Отправить КП', 'offer', 'UserTask', 3, 2, 1, 1.75, 1.75],
			['Продано', 'won', 'EndEvent', 2, 2, 0, 0, 0]
		]);
	});

	it('counts a multi-instance activity once per arrival, not once per iteration', async () => {
		const MULTI = `
  <startEvent id="s" name="Старт" />
  <task id="note" name="Проверить трижды">
    <multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>=3</loopCardinality></multiInstanceLoopCharacteristics>
  </task>
  <userTask id="hold" name="Ждать"><extensionElements><potok:stage key="hold" label="Ждём" /></extensionElements></userTask>
  <endEvent id="e" name="Конец" />
  <sequenceFlow id="m1" sourceRef="s" targetRef="note" />
  <sequenceFlow id="m2" sourceRef="note" targetRef="hold" />
  <sequenceFlow id="m3" sourceRef="hold" targetRef="e" />`;
		await ws.published('Трижды', 'deal', await bpmn('thrice', MULTI));
		clock.set(at('2026-03-11T09:00:00Z'));
		await createRecordInPipeline(ws.db, anna.scope, { type: 'deal', pipeline: 'thrice', title: 'Кухня с повтором' });
		const target = await resolveHeatmapTarget(ws.db.db, ws.workspaceId, { process: 'thrice', version: null });
		const e = byId(await heatmapReport(ws.db.db, ws.workspaceId, target!, { period: march() }));
		expect(e.note).toMatchObject({ type: 'bpmn:Task', entered: 1, completed: 1, active: 0 });
		expect(e.hold).toMatchObject({ entered: 1, active: 1 });
	});

	it('reads the history on indexes: instances of the version, then each token by (instance, token), never a scan', async () => {
		// Capture the SQL the report runs and ask SQLite how it would run it (no ANALYZE statistics, as in production).
		const statements: { sql: string; params: unknown[] }[] = [];
		const original = ws.db.db.all.bind(ws.db.db);
		Object.assign(ws.db.db, {
			all: (query: SQL) => {
				statements.push(new SQLiteSyncDialect().sqlToQuery(query));
				return original(query);
			}
		});
		try {
			const target = (await resolveHeatmapTarget(ws.db.db, ws.workspaceId, { process: 'heat', version: 1 }))!;
			await heatmapReport(ws.db.db, ws.workspaceId, target, { period: march(), responsibleId: anna.userId });
			await heatmapElementRecords(ws.db.db, ws.workspaceId, target, 'offer', { period: march() });
		} finally {
			Object.assign(ws.db.db, { all: original });
		}
		expect(statements).toHaveLength(2);
		for (const s of statements) {
			const plan = (await ws.db.client.execute({ sql: `explain query plan ${s.sql}`, args: s.params as never })).rows.map((r) => String(r.detail));
			expect(plan.filter((d) => /^SCAN (i|a|l|ri|ri2|rec|r|t)\b/.test(d))).toEqual([]);
			expect(plan).toContain('SEARCH i USING INDEX engine_instances_definition_idx (tenant=? AND definition_key=?)');
			expect(plan.some((d) => d.startsWith('SEARCH a USING') && d.includes('engine_records_token_idx (instance=?'))).toBe(true);
			expect(plan.some((d) => d.startsWith('SEARCH l USING') && d.includes('engine_records_token_idx (instance=? AND token=? AND event=?)'))).toBe(true);
		}
	});

	describe('the API', () => {
		const get = async (query: string, who: Person = ws.owner) => {
			const url = new URL(`http://potok.test/api/v1/w/${ws.workspaceId}/reports/heatmap?${query}`);
			const event = { locals: { db: ws.db, scope: who.scope, locale: 'ru' }, params: { ws: ws.workspaceId }, url };
			return (GET as unknown as (e: typeof event) => Promise<Response>)(event);
		};

		it('answers the version, its versions, the period and the elements as JSON', async () => {
			const response = await get('process=heat&version=1&from=2026-03-01&to=2026-03-05');
			expect(response.status).toBe(200);
			const body = await response.json();
			expect(body).toMatchObject({ process: { key: 'heat' }, version: 1, period: { from: '2026-03-01', to: '2026-03-05' }, maxEntered: 3 });
			expect(body.versions).toHaveLength(2);
			// the answer is what the OpenAPI document promises
			expect(heatmapSchema.safeParse(body).success).toBe(true);
			expect(createDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: heatmapPaths }).paths).toHaveProperty(['/api/v1/w/{ws}/reports/heatmap']);
			expect(body.elements.find((e: { elementId: string }) => e.elementId === 'offer')).toEqual({
				elementId: 'offer',
				name: 'Отправить КП',
				type: 'bpmn:UserTask',
				entered: 3,
				completed: 2,
				active: 1,
				medianMs: 6_300_000,
				avgMs: 6_300_000
			});
		});

		it('gives an employee only their own numbers, whatever they ask', async () => {
			const body = await (await get('process=heat&version=1&from=2026-03-01&to=2026-03-05', boris)).json();
			expect(body.elements.find((e: { elementId: string }) => e.elementId === 'qualify')).toMatchObject({ entered: 1 });
		});

		it('downloads XLSX and CSV', async () => {
			const xlsx = await get('process=heat&version=1&from=2026-03-01&to=2026-03-05&format=xlsx');
			expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
			const csv = await (await get('process=heat&version=1&from=2026-03-01&to=2026-03-05&format=csv')).text();
			expect(csv).toContain('Отправить КП,offer,UserTask,3,2,1,1.75,1.75');
		});

		it.each([
			['process=nope', 404, 'process'],
			['', 400, 'process'],
			['process=heat&version=abc', 400, 'version'],
			['process=heat&version=7', 404, 'version'],
			['process=heat&from=2026-13-01', 400, 'from'],
			['process=heat&from=2026-03-10&to=2026-03-01', 400, 'from'],
			['process=heat&format=pdf', 400, 'format'],
			['pipeline=nope', 404, 'process']
		])('refuses %s with %i naming the parameter', async (query, status, field) => {
			const response = await get(query);
			expect(response.status).toBe(status);
			const body = await response.json();
			expect(body.error.details[0].field).toBe(field);
		});
	});

	describe('the page', () => {
		const open = async (query: string, who: Person = ws.owner) => {
			const url = new URL(`http://potok.test/w/${ws.workspaceId}/reports/heatmap?${query}`);
			const event = { locals: { db: ws.db, scope: who.scope, locale: 'ru' }, params: { ws: ws.workspaceId }, url };
			return (load as unknown as (e: typeof event) => Promise<Record<string, unknown> & { report?: HeatmapReport }>)(event);
		};

		it('shows the current version of the first process with its diagram, and the records of a clicked element', async () => {
			const data = await open('from=2026-03-01&to=2026-03-31&element=call');
			expect(data).toMatchObject({ problem: null, onlyMine: false, target: { process: 'heat', version: 2 } });
			expect(data.pipelines).toContainEqual({ key: 'heat', name: 'Продажи' });
			expect(data.xml).toContain('id="call"');
			expect(data.element).toMatchObject({ elementId: 'call', entered: 1 });
			expect(data.elementRecords).toMatchObject({ total: 1, records: [{ title: 'Кухня Орловых', type: 'deal', active: true }] });
		});

		it('names a bad parameter above the defaults instead of failing', async () => {
			const data = await open('process=heat&version=9');
			expect(data.target).toEqual({ process: 'heat', version: 2 });
			expect(data.problem).toMatchObject({ code: 'not_found', details: [{ field: 'version' }] });
		});

		it('tells an employee that only their records count', async () => {
			const data = await open('process=heat&version=1&from=2026-03-01&to=2026-03-05', boris);
			expect(data.onlyMine).toBe(true);
			expect(byId(data.report!).qualify).toMatchObject({ entered: 1 });
		});
	});

	it('parses the page parameters, with the element to list', () => {
		const params = parseHeatmapParams(new URLSearchParams({ process: 'heat', version: '2', element: 'offer', from: '2026-03-01', to: '2026-03-02' }));
		expect(params).toMatchObject({ process: 'heat', version: 2, element: 'offer' });
		expect(params.period.to).toEqual(new Date('2026-03-03T00:00:00Z'));
	});
});
