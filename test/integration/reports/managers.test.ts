/**
 * The manager control report on a real libsql file: a data set whose every number is known —
 * tasks open, overdue and completed at set times, records with and without tasks and comments,
 * leads answered after known delays — gives exactly those numbers; each drill-down lists
 * exactly what was counted; an employee sees only their own; the XLSX download carries the
 * same numbers in typed cells.
 */
import ExcelJS from 'exceljs';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '$lib/roles';
import type { WorkspaceScope } from '$lib/server/access/scope';
import { crmComments, crmEntityTypes, crmRecords, crmTaskRecords, crmTasks, crmTimeline, memberships, type TimelineKind } from '$lib/server/db/schema';
import { newId } from '$lib/server/ids';
import { UserError } from '$lib/server/errors';
import { parsePeriod } from '$lib/server/reports/common';
import { translator } from '$lib/i18n';
import { managerList, managersReport, managersTables, MANAGER_LISTS, type ManagerListKind, type ManagerRow } from '$lib/server/reports/managers';
import { managersReportSchema } from '$lib/server/reports/managers-openapi';
import { load as reportPage } from '../../../src/routes/w/[ws]/reports/managers/+page.server';
import { load as listPage } from '../../../src/routes/w/[ws]/reports/managers/[user]/+page.server';
import { GET } from '../../../src/routes/api/v1/w/[ws]/reports/managers/+server';
import { addMember, makeWorkspace, scopeOf } from '../../helpers/fixtures';
import { tempDatabase } from '../../helpers/temp-db';

type TestDb = Awaited<ReturnType<typeof tempDatabase>>;

const NOW = new Date('2026-06-15T12:00:00Z');
const PERIOD = parsePeriod(new URLSearchParams({ from: '2026-06-01', to: '2026-06-14' }), NOW);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('manager control report', () => {
	let db: TestDb;
	let ws: string;
	let owner: WorkspaceScope;
	const people: Record<string, { userId: string; scope: WorkspaceScope }> = {};
	const types: Record<string, string> = {};
	/** Names of rows and tasks → ids, so that lists are checked by name. */
	const ids: Record<string, string> = {};

	async function person(name: string, roles: Role[]) {
		const { userId, membershipId } = await addMember(db, ws, `${name}@example.com`, roles);
		people[name] = { userId, scope: scopeOf(ws, userId, membershipId, roles) };
	}

	async function record(name: string, type: string, who: string, createdAt: Date, extra: Partial<typeof crmRecords.$inferInsert> = {}) {
		const id = newId();
		ids[name] = id;
		await db.write((tx) =>
			tx.insert(crmRecords).values({ id, workspaceId: ws, entityTypeId: types[type]!, title: name, responsibleId: people[who]!.userId, createdAt, updatedAt: createdAt, ...extra })
		);
		// What a creation writes: the entry itself, entering the first stage and the assignment, all by the creator.
		await event(name, 'created', who, createdAt);
		await event(name, 'stage_changed', who, new Date(createdAt.getTime() + 5), { from: null, to: 'new' });
		await event(name, 'assigned', who, new Date(createdAt.getTime() + 5));
		return id;
	}

	async function event(recordName: string, kind: TimelineKind, who: string | null, createdAt: Date, payload: Record<string, unknown> = {}) {
		await db.write((tx) =>
			tx.insert(crmTimeline).values({ workspaceId: ws, recordId: ids[recordName]!, kind, actorId: who ? people[who]!.userId : null, payload, createdAt })
		);
	}

	async function comment(recordName: string, who: string, createdAt: Date) {
		await db.write((tx) => tx.insert(crmComments).values({ id: newId(), workspaceId: ws, recordId: ids[recordName]!, authorId: people[who]!.userId, body: 'Позвонил', createdAt }));
		await event(recordName, 'comment', who, createdAt);
	}

	async function task(name: string, who: string, fields: Partial<typeof crmTasks.$inferInsert>, recordNames: string[] = []) {
		const id = newId();
		ids[name] = id;
		await db.write(async (tx) => {
			await tx.insert(crmTasks).values({ id, workspaceId: ws, title: name, responsibleId: people[who]!.userId, createdAt: at('2026-05-01T00:00:00Z'), ...fields });
			for (const r of recordNames) await tx.insert(crmTaskRecords).values({ taskId: id, recordId: ids[r]! });
		});
	}

	beforeAll(async () => {
		db = await tempDatabase('managers-report');
		const made = await makeWorkspace(db, 'owner@example.com');
		ws = made.workspaceId;
		owner = scopeOf(ws, made.ownerId, null, ['owner']);
		people.owner = { userId: made.ownerId, scope: owner };
		for (const row of await db.db.select().from(crmEntityTypes).where(eq(crmEntityTypes.workspaceId, ws))) types[row.key] = row.id;
		await person('anna', ['employee']);
		await person('boris', ['employee']);
		await person('maria', ['manager']);
		await person('xenia', ['analyst']);
		await person('client', ['approver']);

		// Anna's deals and a contact.
		await record('R1 deal with an open task', 'deal', 'anna', at('2026-05-10T10:00:00Z'));
		await record('R2 deal with an open task, silent', 'deal', 'anna', at('2026-05-11T10:00:00Z'));
		await record('R3 deal without a task, silent', 'deal', 'anna', at('2026-05-12T10:00:00Z'));
		await record('R4 deal with only a completed task', 'deal', 'anna', at('2026-05-13T10:00:00Z'));
		await record('R5 won deal', 'deal', 'anna', at('2026-05-14T10:00:00Z'), { status: 'won' });
		await record('R6 contact', 'contact', 'anna', at('2026-05-15T10:00:00Z'));
		await record('R7 merged deal', 'deal', 'anna', at('2026-05-16T10:00:00Z'), { mergedInto: ids['R3 deal without a task, silent'] });
		await comment('R1 deal with an open task', 'anna', ago(2 * DAY));
		await comment('R2 deal with an open task, silent', 'anna', new Date(NOW.getTime() + HOUR)); // after «now»: not yet
		await comment('R3 deal without a task, silent', 'anna', ago(10 * DAY));
		await comment('R4 deal with only a completed task', 'maria', ago(DAY));

		// Anna's leads: answered in 30, 120, 45 and 60 minutes; one waiting; one closed by a robot.
		await record('L1 answered by a comment', 'lead', 'anna', at('2026-06-02T10:00:00Z'));
		await event('L1 answered by a comment', 'stage_changed', null, at('2026-06-02T10:10:00Z'), { from: 'new', to: 'call' }); // a robot
		await comment('L1 answered by a comment', 'anna', at('2026-06-02T10:30:00Z'));
		await record('L2 answered by a move', 'lead', 'anna', at('2026-06-03T09:00:00Z'));
		await event('L2 answered by a move', 'field_changed', 'anna', at('2026-06-03T09:15:00Z'), { key: 'phone' });
		await event('L2 answered by a move', 'stage_changed', 'anna', at('2026-06-03T11:00:00Z'), { from: 'new', to: 'qualified' });
		await record('L3 answered by a task', 'lead', 'anna', at('2026-06-05T08:00:00Z'));
		await event('L3 answered by a task', 'task', 'anna', at('2026-06-05T08:00:01Z'), { event: 'created' });
		await event('L3 answered by a task', 'task', 'anna', at('2026-06-05T08:45:00Z'), { event: 'completed' });
		await record('L4 waiting', 'lead', 'anna', at('2026-06-06T08:00:00Z'));
		await record('L5 spam by a robot', 'lead', 'anna', at('2026-06-07T08:00:00Z'), { status: 'spam' });
		await event('L5 spam by a robot', 'status_changed', null, at('2026-06-07T08:01:00Z'), { from: 'open', to: 'spam' });
		await record('L6 before the period', 'lead', 'anna', at('2026-05-25T08:00:00Z'));
		await comment('L6 before the period', 'anna', ago(3 * DAY));
		await record('L7 merged', 'lead', 'anna', at('2026-06-08T08:00:00Z'), { mergedInto: ids['L1 answered by a comment'] });
		await record('L8 lost by a person', 'lead', 'anna', at('2026-06-09T08:00:00Z'), { status: 'lost' });
		await event('L8 lost by a person', 'status_changed', 'anna', at('2026-06-09T09:00:00Z'), { from: 'open', to: 'lost' });

		// Anna's tasks.
		await task('T1 overdue', 'anna', { deadlineAt: ago(HOUR) }, ['R1 deal with an open task']);
		await task('T2 due tomorrow', 'anna', { deadlineAt: new Date(NOW.getTime() + DAY) }, ['R2 deal with an open task, silent']);
		await task('T3 without a deadline', 'anna', {});
		await task('T4 completed in the period', 'anna', { status: 'completed', completedAt: at('2026-06-10T15:00:00Z') }, ['R4 deal with only a completed task', 'L3 answered by a task']);
		await task('T5 completed before the period', 'anna', { status: 'completed', completedAt: at('2026-05-20T15:00:00Z') });
		await task('T6 cancelled', 'anna', { status: 'cancelled', deadlineAt: ago(DAY) });
		await task('T7 completed after the period', 'anna', { status: 'completed', completedAt: at('2026-06-15T01:00:00Z') });

		// Boris: one lead a manager answered in 15 minutes, one overdue task.
		await record('LB1 answered by the head', 'lead', 'boris', at('2026-06-04T12:00:00Z'));
		await comment('LB1 answered by the head', 'maria', at('2026-06-04T12:15:00Z'));
		await task('T8 Boris overdue', 'boris', { deadlineAt: ago(3 * DAY) });

		// The owner has one open task, so the owner has a row; the analyst and the approver do not.
		await task('T9 owner task', 'owner', {});
	});
	afterAll(() => db?.dispose());

	const rowOf = (rows: ManagerRow[], name: string) => rows.find((r) => r.userId === people[name]!.userId);

	it('counts every number of every person exactly, in SQL', async () => {
		const rows = await managersReport(db, owner, { period: PERIOD, now: NOW });
		expect(rows.map((r) => r.name)).toEqual(['anna', 'boris', 'maria', 'owner']);
		expect(rowOf(rows, 'anna')).toEqual({
			userId: people.anna!.userId,
			name: 'anna',
			former: false,
			open: 3,
			overdue: 1,
			completed: 1,
			// R3, R4, L1, L2, L3, L4, L6 (R1 and R2 have open tasks; R5 won, R6 a contact, R7 and L7 merged, L5 and L8 closed)
			noTask: 7,
			// R2 (its comment is after now), R3 (10 days ago), L1, L2, L3, L4 (R1, R4 and L6 had comments within 7 days)
			quiet: 6,
			leads: 6,
			responded: 4,
			waiting: 1,
			avgResponseMinutes: (30 + 120 + 45 + 60) / 4
		});
		expect(rowOf(rows, 'boris')).toMatchObject({ open: 1, overdue: 1, completed: 0, noTask: 1, quiet: 1, leads: 1, responded: 1, waiting: 0, avgResponseMinutes: 15 });
		expect(rowOf(rows, 'maria')).toMatchObject({ open: 0, overdue: 0, completed: 0, noTask: 0, quiet: 0, leads: 0, responded: 0, waiting: 0, avgResponseMinutes: null });
		expect(rowOf(rows, 'owner')).toMatchObject({ open: 1, overdue: 0, leads: 0 });
	});

	it('narrows to one person on request, and the period moves what depends on it', async () => {
		const one = await managersReport(db, people.maria!.scope, { period: PERIOD, now: NOW, responsible: people.boris!.userId });
		expect(one.map((r) => r.name)).toEqual(['boris']);
		const june10 = parsePeriod(new URLSearchParams({ from: '2026-06-10', to: '2026-06-14' }), NOW);
		const [anna] = await managersReport(db, owner, { period: june10, now: NOW, responsible: people.anna!.userId });
		expect(anna).toMatchObject({ open: 3, overdue: 1, completed: 1, noTask: 7, quiet: 6, leads: 0, responded: 0, waiting: 0, avgResponseMinutes: null });
	});

	it('shows an employee only their own row and lists, whatever they ask for', async () => {
		const rows = await managersReport(db, people.boris!.scope, { period: PERIOD, now: NOW, responsible: people.anna!.userId });
		expect(rows.map((r) => r.name)).toEqual(['boris']);
		const own = await managerList(db, people.boris!.scope, { userId: people.boris!.userId, list: 'overdue', period: PERIOD, now: NOW });
		expect(own.items.map((i) => i.title)).toEqual(['T8 Boris overdue']);
		await expect(managerList(db, people.boris!.scope, { userId: people.anna!.userId, list: 'open', period: PERIOD, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(managersReport(db, people.client!.scope, { period: PERIOD, now: NOW })).rejects.toBeInstanceOf(UserError);
	});

	it('lists exactly the items behind each number, in a useful order', async () => {
		const [anna] = await managersReport(db, owner, { period: PERIOD, now: NOW, responsible: people.anna!.userId });
		const number: Record<ManagerListKind, number> = {
			open: anna!.open,
			overdue: anna!.overdue,
			completed: anna!.completed,
			no_task: anna!.noTask,
			quiet: anna!.quiet,
			leads: anna!.leads,
			responded: anna!.responded,
			waiting: anna!.waiting
		};
		const titles: Partial<Record<ManagerListKind, string[]>> = {};
		for (const list of MANAGER_LISTS) {
			const result = await managerList(db, owner, { userId: people.anna!.userId, list, period: PERIOD, now: NOW });
			expect(result.total, list).toBe(number[list]);
			expect(result.items, list).toHaveLength(number[list]);
			titles[list] = result.items.map((i) => i.title);
		}
		expect(titles.open).toEqual(['T1 overdue', 'T2 due tomorrow', 'T3 without a deadline']);
		expect(titles.overdue).toEqual(['T1 overdue']);
		expect(titles.completed).toEqual(['T4 completed in the period']);
		expect(new Set(titles.no_task)).toEqual(new Set(['R3 deal without a task, silent', 'R4 deal with only a completed task', 'L1 answered by a comment', 'L2 answered by a move', 'L3 answered by a task', 'L4 waiting', 'L6 before the period']));
		expect(new Set(titles.quiet)).toEqual(new Set(['R2 deal with an open task, silent', 'R3 deal without a task, silent', 'L1 answered by a comment', 'L2 answered by a move', 'L3 answered by a task', 'L4 waiting']));
		expect(titles.leads).toEqual(['L8 lost by a person', 'L5 spam by a robot', 'L4 waiting', 'L3 answered by a task', 'L2 answered by a move', 'L1 answered by a comment']);
		expect(titles.waiting).toEqual(['L4 waiting']);

		const responded = await managerList(db, owner, { userId: people.anna!.userId, list: 'responded', period: PERIOD, now: NOW });
		expect(responded.items.map((i) => [i.title, i.kind === 'record' ? i.responseMinutes : undefined])).toEqual([
			['L2 answered by a move', 120],
			['L8 lost by a person', 60],
			['L3 answered by a task', 45],
			['L1 answered by a comment', 30]
		]);
		const completed = await managerList(db, owner, { userId: people.anna!.userId, list: 'completed', period: PERIOD, now: NOW });
		expect(completed.items[0]).toMatchObject({ kind: 'task', id: ids['T4 completed in the period'], completedAt: '2026-06-10T15:00:00.000Z', record: { id: ids['R4 deal with only a completed task'], type: 'deal' } });
		const quiet = await managerList(db, owner, { userId: people.anna!.userId, list: 'quiet', period: PERIOD, now: NOW });
		expect(quiet.items.find((i) => i.title.startsWith('R3'))).toMatchObject({ kind: 'record', type: 'deal', lastCommentAt: ago(10 * DAY).toISOString() });
		expect(quiet.items.find((i) => i.title.startsWith('R2'))).toMatchObject({ lastCommentAt: null });
	});

	it('refuses someone outside the workspace and an unknown list', async () => {
		await expect(managerList(db, owner, { userId: 'nobody', list: 'open', period: PERIOD, now: NOW })).rejects.toMatchObject({ code: 'not_found' });
		await expect(managerList(db, owner, { userId: people.anna!.userId, list: 'everything' as ManagerListKind, period: PERIOD, now: NOW })).rejects.toMatchObject({ code: 'validation' });
	});

	describe('the API', () => {
		const get = (scope: WorkspaceScope, query: string) =>
			GET({ locals: { db, scope, locale: 'ru' }, params: { ws }, url: new URL(`http://potok.test/api/v1/w/${ws}/reports/managers?${query}`) } as never) as Promise<Response>;

		it('answers the rows and the period as JSON', async () => {
			const response = await get(owner, 'from=2020-01-01&to=2030-12-31&format=json');
			expect(response.status).toBe(200);
			const body = await response.json();
			expect(managersReportSchema.parse(body)).toEqual(body);
			expect(body.period).toEqual({ from: '2020-01-01', to: '2030-12-31' });
			expect(body.rows.map((r: ManagerRow) => r.name)).toEqual(['anna', 'boris', 'maria', 'owner']);
		});

		it('answers bad input with a 400 naming the parameter', async () => {
			for (const [query, field] of [['format=pdf', 'format'], ['from=2026-13-45', 'from'], ['from=2026-06-10&to=2026-06-01', 'from']] as const) {
				const response = await get(owner, query);
				expect(response.status, query).toBe(400);
				const body = await response.json();
				expect(body.error.code).toBe('validation');
				expect(body.error.details[0].field).toBe(field);
			}
			expect((await get(people.client!.scope, '')).status).toBe(403);
		});

		it('downloads an XLSX that opens with the same numbers in typed cells', async () => {
			const rows = await managersReport(db, owner, { period: PERIOD, now: new Date() });
			const response = await get(owner, 'from=2026-06-01&to=2026-06-14&format=xlsx');
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toContain('spreadsheetml');
			expect(response.headers.get('content-disposition')).toContain('managers-2026-06-01-2026-06-14.xlsx');
			const book = new ExcelJS.Workbook();
			await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
			const sheet = book.worksheets[0]!;
			expect(sheet.name).toBe('Контроль менеджеров');
			const header = (sheet.getRow(1).values as unknown[]).slice(1);
			expect(header).toEqual([
				'Сотрудник', 'Открытые задачи', 'Просроченные задачи', 'Выполнено задач за период', 'Записи без открытой задачи',
				'Записи без комментария 7 дней', 'Новые лиды за период', 'Лиды с реакцией', 'Лиды ждут реакции', 'Среднее время реакции, мин'
			]);
			const annaRow = sheet.getRow(2);
			expect(annaRow.getCell(1).value).toBe('anna');
			const anna = rowOf(rows, 'anna')!;
			const expected = [anna.open, anna.overdue, anna.completed, anna.noTask, anna.quiet, anna.leads, anna.responded, anna.waiting, anna.avgResponseMinutes];
			expected.forEach((value, i) => {
				const cell = annaRow.getCell(i + 2);
				expect(cell.type, `column ${i + 2}`).toBe(ExcelJS.ValueType.Number);
				expect(cell.value).toBe(value);
			});
			expect(annaRow.getCell(10).numFmt).toBe('0.00');
			// maria has no response time: an empty cell, not a zero
			const maria = sheet.getRow(4);
			expect(maria.getCell(1).value).toBe('maria');
			expect(maria.getCell(10).type).toBe(ExcelJS.ValueType.Null);
		});

		it('downloads a CSV of the same table', async () => {
			// The API counts up to the real now: the data set's deadlines and comments are all in the past by then.
			const [anna] = await managersReport(db, people.anna!.scope, { period: PERIOD, now: new Date() });
			const response = await get(people.anna!.scope, 'from=2026-06-01&to=2026-06-14&format=csv');
			const text = await response.text();
			const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
			expect(lines).toHaveLength(2);
			expect(lines[1]).toBe(['anna', anna!.open, anna!.overdue, anna!.completed, anna!.noTask, anna!.quiet, 6, 4, 1, 63.75].join(','));
		});
	});

	describe('the pages', () => {
		const event = (scope: WorkspaceScope, path: string, query: string, params: Record<string, string> = {}) =>
			({ locals: { db, scope, locale: 'ru' }, params: { ws, ...params }, url: new URL(`http://potok.test/w/${ws}/reports/managers${path}?${query}`) }) as never;

		it('shows everyone to the head of sales and only their own row to an employee', async () => {
			const head = (await reportPage(event(people.maria!.scope, '', 'from=2026-06-01&to=2026-06-14'))) as { rows: ManagerRow[]; everyone: boolean };
			expect(head.rows.map((r) => r.name)).toEqual(['anna', 'boris', 'maria', 'owner']);
			expect(head.everyone).toBe(true);
			const own = (await reportPage(event(people.boris!.scope, '', ''))) as { rows: ManagerRow[]; everyone: boolean };
			expect(own.rows.map((r) => r.name)).toEqual(['boris']);
			expect(own.everyone).toBe(false);
		});

		it('falls back to the last 30 days on a reversed period and says so', async () => {
			const page = (await reportPage(event(owner, '', 'from=2026-06-10&to=2026-06-01'))) as { periodInvalid: boolean; period: { from: string; to: string } };
			expect(page.periodInvalid).toBe(true);
			const today = new Date().toISOString().slice(0, 10);
			expect(page.period.to).toBe(today);
		});

		it('lists what is behind a number, refusing an employee someone else’s list and an unknown list', async () => {
			const list = (await listPage(event(owner, `/${people.anna!.userId}`, 'list=waiting&from=2026-06-01&to=2026-06-14', { user: people.anna!.userId }))) as { items: { title: string }[]; user: { name: string } };
			expect(list.user.name).toBe('anna');
			expect(list.items.map((i) => i.title)).toEqual(['L4 waiting']);
			await expect(listPage(event(people.boris!.scope, `/${people.anna!.userId}`, 'list=open', { user: people.anna!.userId }))).rejects.toMatchObject({ status: 403 });
			await expect(listPage(event(owner, `/${people.anna!.userId}`, 'list=all', { user: people.anna!.userId }))).rejects.toMatchObject({ status: 400 });
		});
	});

	it('plans the report and every list on indexes, never scanning records, tasks, comments or the timeline', async () => {
		// Capture the SQL the report runs and ask SQLite how it would run it (no ANALYZE statistics, as in production).
		const statements: { sql: string; params: unknown[] }[] = [];
		const original = db.db.all.bind(db.db);
		const spy = (query: SQL) => {
			statements.push(new SQLiteSyncDialect().sqlToQuery(query));
			return original(query);
		};
		Object.assign(db.db, { all: spy });
		try {
			await managersReport(db, owner, { period: PERIOD, now: NOW });
			for (const list of MANAGER_LISTS) await managerList(db, owner, { userId: people.anna!.userId, list, period: PERIOD, now: NOW });
		} finally {
			Object.assign(db.db, { all: original });
		}
		const details: string[] = [];
		for (const s of statements) {
			const plan = await db.client.execute({ sql: `explain query plan ${s.sql}`, args: s.params as never });
			details.push(...plan.rows.map((r) => String(r.detail)));
		}
		expect(details.filter((d) => /^SCAN (r|t|c|e|tr|ot|crm_records|crm_tasks|crm_comments|crm_timeline)\b/.test(d))).toEqual([]);
		// Each person's records are a range of an index on (workspace, …, responsible, …), not the whole workspace's.
		expect(details.filter((d) => /^SEARCH r USING/.test(d) && !d.includes('responsible_id=?'))).toEqual([]);
		const plan = details.join('\n');
		expect(plan).toContain('crm_records_control_idx (workspace_id=? AND responsible_id=? AND status=?)');
		expect(plan).toContain('crm_records_created_idx (workspace_id=? AND entity_type_id=? AND responsible_id=? AND created_at>? AND created_at<?)');
		expect(plan).toMatch(/crm_tasks_\w+_idx \(workspace_id=\? AND responsible_id=\? AND status=\? AND completed_at>\? AND completed_at<\?\)/);
		expect(plan).toContain('crm_timeline_record_idx (record_id=?)');
		expect(plan).toContain('crm_comments_record_idx (record_id=?');
	});
	it('keeps a row for someone who left the company but still holds its tasks and records, and none for someone who left nothing', async () => {
		await person('ivan', ['employee']);
		await person('olga', ['employee']);
		await record('RI deal left behind', 'deal', 'ivan', at('2026-06-01T10:00:00Z'));
		await task('TI overdue, left behind', 'ivan', { deadlineAt: ago(DAY) });
		await db.write((tx) => tx.delete(memberships).where(and(eq(memberships.workspaceId, ws), inArray(memberships.userId, [people.ivan!.userId, people.olga!.userId]))));
		const rows = await managersReport(db, owner, { period: PERIOD, now: NOW });
		expect(rowOf(rows, 'ivan')).toMatchObject({ name: 'ivan', former: true, open: 1, overdue: 1, noTask: 1 });
		expect(rowOf(rows, 'olga')).toBeUndefined();
		expect(rowOf(rows, 'anna')).toMatchObject({ former: false });
		const overdue = await managerList(db, owner, { userId: people.ivan!.userId, list: 'overdue', period: PERIOD, now: NOW });
		expect(overdue.items.map((i) => i.title)).toEqual(['TI overdue, left behind']);
		await expect(managerList(db, owner, { userId: people.olga!.userId, list: 'open', period: PERIOD, now: NOW })).rejects.toMatchObject({ code: 'not_found' });
		const [sheet] = managersTables(rows, translator('ru'));
		expect(sheet!.rows.map((r) => r.name)).toContain('ivan (не в команде)');
	});
});
