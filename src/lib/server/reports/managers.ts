import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { crmEntityTypes, crmRecords, crmTaskRecords } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import type { Translate } from '$lib/i18n';
import { DAY, num, reportResponsible, type Period, type ReportTable } from './common';

/**
 * The manager control report: per person, how their work stands. Every number is one SQL
 * condition below, used both to count (grouped in SQL) and to list the items behind it, so a
 * drill-down shows exactly what was counted.
 *
 * - open — tasks with status open whose responsible is the person (now);
 * - overdue — of those, the ones whose deadline is before now;
 * - completed — tasks the person is responsible for, completed within the period;
 * - no task — the person's open records (status open, not merged; leads, deals and custom
 *   types — contacts and companies are not worked on) with no open task linked to them;
 * - quiet — the same open records with no comment on the record in the 7 days before now;
 * - leads — leads (not merged) created within the period whose responsible is the person;
 * - response time — for each of those leads, the time from its creation to the first action of
 *   a person on it: a comment, a move from one stage to another, a status change, or a task on
 *   it completed — timeline entries with an actor (robots and timers have none). Entering the
 *   first stage when the lead is created is part of the creation, not a response. The average
 *   is over the leads that got one (responded); waiting are the leads still open without one.
 *
 * Rows are the members with the employee or manager role, anyone else with a number, and people
 * who left the workspace but still hold some of its tasks or records (`former`); an employee
 * sees only their own row and lists (reports/common.ts).
 */

export const MANAGER_LISTS = ['open', 'overdue', 'completed', 'no_task', 'quiet', 'leads', 'responded', 'waiting'] as const;
export type ManagerListKind = (typeof MANAGER_LISTS)[number];

/** The most items a drill-down shows; `total` says how many there are. */
export const LIST_LIMIT = 200;
const QUIET_DAYS = 7;

export interface ManagerRow {
	userId: string;
	name: string;
	/** No longer a member of the workspace, but still responsible for some of its tasks or records. */
	former: boolean;
	open: number;
	overdue: number;
	completed: number;
	noTask: number;
	quiet: number;
	leads: number;
	responded: number;
	waiting: number;
	/** The average response time to a new lead in minutes; null when no lead got a response. */
	avgResponseMinutes: number | null;
}

export interface ReportOptions {
	period: Period;
	now: Date;
	/** Only this person's row (ignored for employees, who only ever get their own). */
	responsible?: string | null;
}

interface Bounds {
	ws: string;
	period: Period;
	now: Date;
}

// The conditions, on aliases t (crm_tasks) and r (crm_records), for the person `user` (a column or a parameter).
const openTask = (b: Bounds, user: SQL) => sql`t.workspace_id = ${b.ws} and t.responsible_id = ${user} and t.status = 'open'`;
const overdueTask = (b: Bounds, user: SQL) => sql`${openTask(b, user)} and t.deadline_at < ${b.now.getTime()}`;
const completedTask = (b: Bounds, user: SQL) =>
	sql`t.workspace_id = ${b.ws} and t.responsible_id = ${user} and t.status = 'completed' and t.completed_at >= ${b.period.from.getTime()} and t.completed_at < ${b.period.to.getTime()}`;

const workedRecord = (b: Bounds, user: SQL) =>
	sql`r.workspace_id = ${b.ws} and r.responsible_id = ${user} and r.status = 'open' and r.merged_into is null and r.entity_type_id not in (select id from crm_entity_types where workspace_id = ${b.ws} and key in ('contact', 'company'))`;
const noOpenTask = sql`not exists (select 1 from crm_task_records tr join crm_tasks ot on ot.id = tr.task_id where tr.record_id = r.id and ot.status = 'open')`;
const noRecentComment = (b: Bounds) =>
	sql`not exists (select 1 from crm_comments c where c.record_id = r.id and c.created_at >= ${b.now.getTime() - QUIET_DAYS * DAY} and c.created_at < ${b.now.getTime()})`;

const newLead = (b: Bounds, user: SQL) =>
	sql`r.workspace_id = ${b.ws} and r.entity_type_id = (select id from crm_entity_types where workspace_id = ${b.ws} and key = 'lead') and r.responsible_id = ${user} and r.merged_into is null and r.created_at >= ${b.period.from.getTime()} and r.created_at < ${b.period.to.getTime()}`;
/** The person (a `users` row `us`) is responsible for some of the workspace's tasks or (unmerged) records. */
const holdsWork = (ws: string) =>
	sql`(exists (select 1 from crm_tasks t where t.workspace_id = ${ws} and t.responsible_id = us.id)
		or exists (select 1 from crm_records r where r.workspace_id = ${ws} and r.responsible_id = us.id and r.merged_into is null))`;
/** When a person first acted on the record r (null: nobody yet). */
const firstAction = sql`(select min(e.created_at) from crm_timeline e where e.record_id = r.id and e.actor_id is not null and e.created_at >= r.created_at and (
	e.kind in ('comment', 'status_changed')
	or (e.kind = 'stage_changed' and json_extract(e.payload, '$.from') is not null)
	or (e.kind = 'task' and json_extract(e.payload, '$.event') = 'completed')))`;


/** One row per person, every number counted in SQL. */
export async function managersReport(database: Database, scope: WorkspaceScope, options: ReportOptions): Promise<ManagerRow[]> {
	const responsible = reportResponsible(scope, options.responsible);
	const b: Bounds = { ws: scope.workspaceId, period: options.period, now: options.now };
	const u = sql`p.user_id`;
	// `cross join` keeps people as the outer loop: each person's records are a range of an index.
	const rows = await database.db.all<Record<string, unknown>>(sql`
		with people as (
			select m.user_id as user_id, us.name as name,
				exists (select 1 from json_each(m.roles) j where j.value in ('employee', 'manager')) as staff, 0 as former
			from memberships m join users us on us.id = m.user_id
			where m.workspace_id = ${b.ws} ${responsible ? sql`and m.user_id = ${responsible}` : sql``}
			union all
			-- People who left the company but still hold its tasks or records: what they left behind needs an owner.
			select us.id, us.name, 0, 1 from users us
			where ${responsible ? sql`us.id = ${responsible} and ` : sql``}not exists (select 1 from memberships m where m.workspace_id = ${b.ws} and m.user_id = us.id)
				and ${holdsWork(b.ws)}
		),
		record_stats as (
			select p.user_id as user_id, sum(case when ${noOpenTask} then 1 else 0 end) as no_task, sum(case when ${noRecentComment(b)} then 1 else 0 end) as quiet
			from people p cross join crm_records r where ${workedRecord(b, u)}
			group by p.user_id
		),
		lead_times as materialized (
			select p.user_id as user_id, r.status as status, r.created_at as created_at, ${firstAction} as first_at
			from people p cross join crm_records r where ${newLead(b, u)}
		),
		lead_stats as (
			select user_id, count(*) as leads, count(first_at) as responded, avg(first_at - created_at) as avg_ms,
				sum(case when first_at is null and status = 'open' then 1 else 0 end) as waiting
			from lead_times group by user_id
		),
		report as materialized (
			select p.user_id as user_id, p.name as name, p.staff as staff, p.former as former,
				(select count(*) from crm_tasks t where ${openTask(b, u)}) as open,
				(select count(*) from crm_tasks t where ${overdueTask(b, u)}) as overdue,
				(select count(*) from crm_tasks t where ${completedTask(b, u)}) as completed,
				coalesce(rs.no_task, 0) as no_task, coalesce(rs.quiet, 0) as quiet,
				coalesce(ls.leads, 0) as leads, coalesce(ls.responded, 0) as responded, coalesce(ls.waiting, 0) as waiting, ls.avg_ms as avg_ms
			from people p
			left join record_stats rs on rs.user_id = p.user_id
			left join lead_stats ls on ls.user_id = p.user_id
		)
		select * from report
		where ${responsible ? sql`1` : sql`staff or open > 0 or completed > 0 or no_task > 0 or quiet > 0 or leads > 0`}
		order by name, user_id`);
	return rows.map((r) => ({
		userId: String(r.user_id),
		name: String(r.name),
		former: num(r.former) === 1,
		open: num(r.open),
		overdue: num(r.overdue),
		completed: num(r.completed),
		noTask: num(r.no_task),
		quiet: num(r.quiet),
		leads: num(r.leads),
		responded: num(r.responded),
		waiting: num(r.waiting),
		avgResponseMinutes: r.avg_ms === null || r.avg_ms === undefined ? null : Number(r.avg_ms) / 60_000
	}));
}

export interface TaskItem {
	kind: 'task';
	id: string;
	title: string;
	deadlineAt: string | null;
	completedAt: string | null;
	/** The first record the task is about, for a link. */
	record: { id: string; type: string; title: string } | null;
}

export interface RecordItem {
	kind: 'record';
	id: string;
	type: string;
	title: string;
	createdAt: string;
	lastCommentAt: string | null;
	firstActionAt: string | null;
	/** From creation to the first action of a person, for leads; null when there was none. */
	responseMinutes: number | null;
}

export interface ManagerList {
	user: { id: string; name: string };
	list: ManagerListKind;
	total: number;
	items: (TaskItem | RecordItem)[];
}

const TASK_LISTS: Partial<Record<ManagerListKind, { where: (b: Bounds, user: SQL) => SQL; order: SQL }>> = {
	open: { where: openTask, order: sql`t.deadline_at is null, t.deadline_at, t.created_at` },
	overdue: { where: overdueTask, order: sql`t.deadline_at, t.created_at` },
	completed: { where: completedTask, order: sql`t.completed_at desc` }
};

const RECORD_LISTS: Partial<Record<ManagerListKind, { from: (b: Bounds, user: SQL) => SQL; where: SQL; order: SQL }>> = {
	no_task: { from: workedRecord, where: noOpenTask, order: sql`r.updated_at, r.id` },
	quiet: { from: workedRecord, where: sql`1`, order: sql`last_comment_at is not null, last_comment_at, r.created_at` },
	leads: { from: newLead, where: sql`1`, order: sql`r.created_at desc` },
	responded: { from: newLead, where: sql`first_at is not null`, order: sql`first_at - r.created_at desc` },
	waiting: { from: newLead, where: sql`first_at is null and r.status = 'open'`, order: sql`r.created_at` }
};

/** The tasks or records behind one number of a person's row, at most LIST_LIMIT of them. */
export async function managerList(
	database: Database,
	scope: WorkspaceScope,
	options: { userId: string; list: ManagerListKind; period: Period; now: Date }
): Promise<ManagerList> {
	if (reportResponsible(scope, options.userId) !== options.userId) throw new UserError('forbidden');
	// A member, or someone who left but still holds the workspace's tasks or records.
	const [person] = await database.db.all<{ id: string; name: string }>(sql`
		select us.id as id, us.name as name from users us where us.id = ${options.userId} and (
			exists (select 1 from memberships m where m.workspace_id = ${scope.workspaceId} and m.user_id = us.id) or ${holdsWork(scope.workspaceId)})`);
	if (!person) throw new UserError('not_found', { user: options.userId });
	const b: Bounds = { ws: scope.workspaceId, period: options.period, now: options.now };
	const user = sql`${options.userId}`;
	const tasks = TASK_LISTS[options.list];
	if (tasks) {
		const [count] = await database.db.all<{ n: number }>(sql`select count(*) as n from crm_tasks t where ${tasks.where(b, user)}`);
		const rows = await database.db.all<{ id: string; title: string; deadline_at: number | null; completed_at: number | null }>(
			sql`select t.id, t.title, t.deadline_at, t.completed_at from crm_tasks t where ${tasks.where(b, user)} order by ${tasks.order} limit ${LIST_LIMIT}`
		);
		const records = await firstRecords(database, rows.map((r) => r.id));
		const items: TaskItem[] = rows.map((r) => ({
			kind: 'task',
			id: r.id,
			title: r.title,
			deadlineAt: iso(r.deadline_at),
			completedAt: iso(r.completed_at),
			record: records.get(r.id) ?? null
		}));
		return { user: person, list: options.list, total: num(count?.n), items };
	}
	const records = RECORD_LISTS[options.list];
	if (!records) throw new UserError('validation', {}, [{ field: 'list', message: `invalid:${options.list}` }]);
	const quietOnly = options.list === 'quiet' ? noRecentComment(b) : sql`1`;
	// Each list computes only what it filters, sorts or shows on: a timeline scan per lead, a comment lookup per worked record.
	const leadList = records.from === newLead;
	const inner = sql`select r.id as id, r.title as title, (select e.key from crm_entity_types e where e.id = r.entity_type_id) as type, r.created_at as created_at, r.updated_at as updated_at, r.status as status,
		${leadList ? sql`null` : sql`(select max(c.created_at) from crm_comments c where c.record_id = r.id and c.created_at < ${b.now.getTime()})`} as last_comment_at,
		${leadList ? firstAction : sql`null`} as first_at
		from crm_records r
		where ${records.from(b, user)} and ${quietOnly}`;
	const [count] = await database.db.all<{ n: number }>(sql`select count(*) as n from (${inner}) r where ${records.where}`);
	const rows = await database.db.all<{ id: string; title: string; type: string; created_at: number; last_comment_at: number | null; first_at: number | null }>(
		sql`select * from (${inner}) r where ${records.where} order by ${records.order} limit ${LIST_LIMIT}`
	);
	const items: RecordItem[] = rows.map((r) => ({
		kind: 'record',
		id: r.id,
		type: r.type,
		title: r.title,
		createdAt: iso(r.created_at)!,
		lastCommentAt: iso(r.last_comment_at),
		firstActionAt: iso(r.first_at),
		responseMinutes: r.first_at === null ? null : (r.first_at - r.created_at) / 60_000
	}));
	return { user: person, list: options.list, total: num(count?.n), items };
}

function iso(ms: number | null): string | null {
	return ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();
}

/** The first (oldest) record each task is about. */
async function firstRecords(database: Database, taskIds: string[]): Promise<Map<string, { id: string; type: string; title: string }>> {
	const out = new Map<string, { id: string; type: string; title: string }>();
	if (taskIds.length === 0) return out;
	const rows = await database.db
		.select({ taskId: crmTaskRecords.taskId, id: crmRecords.id, type: crmEntityTypes.key, title: crmRecords.title })
		.from(crmTaskRecords)
		.innerJoin(crmRecords, eq(crmRecords.id, crmTaskRecords.recordId))
		.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
		.where(inArray(crmTaskRecords.taskId, taskIds))
		.orderBy(crmRecords.createdAt);
	for (const r of rows) if (!out.has(r.taskId)) out.set(r.taskId, { id: r.id, type: r.type, title: r.title });
	return out;
}

/** The report as a table for XLSX and CSV, its labels in the caller's language. */
export function managersTables(rows: readonly ManagerRow[], t: Translate): ReportTable[] {
	const label = (key: string) => t(`reportsManagers.columns.${key}`);
	const counts = ['open', 'overdue', 'completed', 'noTask', 'quiet', 'leads', 'responded', 'waiting'] as const;
	return [
		{
			name: t('reportsManagers.sheet'),
			columns: [
				{ key: 'name', label: label('name'), type: 'text' },
				...counts.map((key) => ({ key, label: label(key), type: 'integer' as const })),
				{ key: 'avgResponseMinutes', label: label('avgResponseMinutes'), type: 'number' }
			],
			rows: rows.map(({ former, ...r }) => ({ ...r, name: former ? `${r.name} (${t('reportsManagers.former')})` : r.name }))
		}
	];
}
