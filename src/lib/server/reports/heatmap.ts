import { sql, type SQL } from 'drizzle-orm';
import type { ElementModel } from '$lib/bpmn/process-model';
import { translator, type Locale } from '$lib/i18n';
import type { Reader } from '../crm/db-types';
import { crmEntityTypes, recordInstances, crmRecords, engineInstances, engineRecords } from '../db/schema';
import { definitionModel } from '../workflow/versions';
import { num, periodDays, type Period, type ReportTable } from './common';
import type { HeatmapTarget, HeatmapVersion } from './heatmap-query';

/**
 * The heatmap of a published process version (like Camunda Optimize's): for every element, how
 * many tokens entered it in the period, how many of them completed it, and how long the
 * completed ones took (median and average). A token is an element instance of the runtime: its
 * `element.activated` record is the entry, the `element.completed` or `element.terminated` record
 * of the same (instance, token) its exit (a token ends once). A multi-instance activity counts its
 * body once per arrival, not its iterations.
 *
 * Everything is aggregated by SQL over the append-only `engine_records` (the index on
 * (instance, token, event, at)); only one row per element reaches JavaScript.
 */

export interface HeatmapElement {
	elementId: string;
	name: string;
	/** The BPMN type, e.g. `bpmn:UserTask`. */
	type: string;
	/** Tokens that entered the element in the period. */
	entered: number;
	/** …of which completed it (so far). */
	completed: number;
	/** …of which are still in it. */
	active: number;
	/** Median and average time from entry to completion of the completed ones, in ms. */
	medianMs: number | null;
	avgMs: number | null;
}

export interface HeatmapReport {
	process: { key: string; name: string; processId: string; entityType: string };
	version: number;
	versions: HeatmapVersion[];
	period: { from: string; to: string };
	/** The most tokens any element saw: the top of the colour scale. */
	maxEntered: number;
	/** Every flow node of the version, in diagram order, then any the history names besides. */
	elements: HeatmapElement[];
}

export interface HeatmapScope {
	period: Period;
	/** Only tokens of instances driving records this person is responsible for. */
	responsibleId?: string;
}

const ACTIVATED = 'element.activated';
const COMPLETED = 'element.completed';
const MI_BODY = 'bpmn:MultiInstanceBody';

/**
 * Passages through elements of the version in the period: one row per token that entered,
 * with the event and time of its exit (null while it is still inside).
 */
function passages(workspaceId: string, definitionKey: string, scope: HeatmapScope, element?: string): SQL {
	const i = engineInstances;
	const responsible = scope.responsibleId
		? sql`join ${recordInstances} ri on ri.instance_id = a.instance
			join ${crmRecords} rec on rec.id = ri.record_id and rec.responsible_id = ${scope.responsibleId}`
		: sql``;
	return sql`
		select a.instance as instance, a.element as element, a.element_type as type, a.at as entered_at,
			l.event as left_event, l.at - a.at as duration
		from ${i} i
		join ${engineRecords} a on a.instance = i.id and a.token is not null and a.event = ${ACTIVATED}
			and a.at >= ${scope.period.from.getTime()} and a.at < ${scope.period.to.getTime()}
			${element === undefined ? sql`` : sql`and a.element = ${element}`}
		-- a token ends once (the runtime removes it as it records its completion or termination)
		left join ${engineRecords} l on l.instance = a.instance and l.token = a.token and l.event in (${COMPLETED}, 'element.terminated')
		${responsible}
		where i.tenant = ${workspaceId} and i.definition_key = ${definitionKey}`;
}

interface ElementRow {
	element: string;
	type: string | null;
	entered: number;
	completed: number;
	active: number;
	median_ms: number | null;
	avg_ms: number | null;
	max_entered: number;
}

/** The per-element numbers of a version for a period, in one statement. */
async function elementRows(db: Reader, workspaceId: string, definitionKey: string, scope: HeatmapScope): Promise<ElementRow[]> {
	// One sort: by element, then completed or not, then duration. The median is the middle row
	// (or the mean of the two middle rows) of an element's completed passages.
	return db.all<ElementRow>(sql`
		with passes as materialized (${passages(workspaceId, definitionKey, scope)}),
		-- a multi-instance activity: its body's passages, not its iterations'
		bodies as (select distinct element from passes where type = ${MI_BODY}),
		ranked as (
			select element, type, left_event, duration, left_event is ${COMPLETED} as done,
				row_number() over w as rn,
				count(*) over (w rows between unbounded preceding and unbounded following) as n
			from passes where (type is ${MI_BODY}) = (element in bodies)
			window w as (partition by element, left_event is ${COMPLETED} order by duration))
		select element, max(type) as type, count(*) as entered,
			sum(done) as completed,
			count(case when left_event is null then 1 end) as active,
			avg(case when done and rn in ((n + 1) / 2, (n + 2) / 2) then duration end) as median_ms,
			avg(case when done then duration end) as avg_ms,
			max(count(*)) over () as max_entered
		from ranked group by element`);
}

/** The flow nodes of a model, subprocesses' children after their parent, in diagram order. */
function flowNodes(elements: readonly ElementModel[]): ElementModel[] {
	return elements.flatMap((e) => [e, ...flowNodes(e.elements ?? [])]);
}

const ms = (value: number | null): number | null => (value === null ? null : Math.round(Number(value)));

export async function heatmapReport(db: Reader, workspaceId: string, target: HeatmapTarget, scope: HeatmapScope): Promise<HeatmapReport> {
	const { pipeline, version } = target;
	const [rows, model] = await Promise.all([elementRows(db, workspaceId, version.definitionKey, scope), definitionModel(db, workspaceId, version.definitionKey)]);
	const byElement = new Map(rows.map((r) => [r.element, r]));
	const nodes = flowNodes(model?.elements ?? []);
	const known = new Set(nodes.map((n) => n.id));
	const elements: HeatmapElement[] = [
		...nodes.map((n) => ({ id: n.id, name: n.name, type: n.type })),
		...rows.filter((r) => !known.has(r.element)).map((r) => ({ id: r.element, name: undefined, type: r.type ?? '' }))
	].map(({ id, name, type }) => {
		const row = byElement.get(id);
		return {
			elementId: id,
			name: name?.trim() || id,
			type,
			entered: num(row?.entered),
			completed: num(row?.completed),
			active: num(row?.active),
			medianMs: ms(row?.median_ms ?? null),
			avgMs: ms(row?.avg_ms ?? null)
		};
	});
	return {
		process: { key: pipeline.key, name: pipeline.name, processId: pipeline.processId, entityType: pipeline.entityType },
		version: version.version,
		versions: target.versions,
		period: periodDays(scope.period),
		maxEntered: num(rows[0]?.max_entered),
		elements
	};
}

/** A record whose process instance passed the element in the period. */
export interface HeatmapRecord {
	id: string;
	/** The entity type's key, for `/w/{ws}/records/{type}/{id}`. */
	type: string;
	title: string;
	/** How many times its instances entered the element in the period. */
	passes: number;
	lastEnteredAt: Date;
	/** Time spent in the element by the completed passages. */
	completedMs: number;
	/** A passage is still inside the element. */
	active: boolean;
}

/** The records that passed an element, the latest first, at most `limit`, and how many there are. */
export async function heatmapElementRecords(
	db: Reader,
	workspaceId: string,
	target: HeatmapTarget,
	elementId: string,
	scope: HeatmapScope,
	limit = 100
): Promise<{ total: number; records: HeatmapRecord[] }> {
	// Employees' passages are already only their records'; the join below names them for everyone.
	const rows = await db.all<{ id: string; type: string; title: string; passes: number; last_at: number; completed_ms: number | null; active: number; total: number }>(sql`
		with passes as (${passages(workspaceId, target.version.definitionKey, scope, elementId)})
		select r.id as id, t.key as type, r.title as title, count(*) as passes, max(p.entered_at) as last_at,
			sum(case when p.left_event = ${COMPLETED} then p.duration end) as completed_ms,
			count(case when p.left_event is null then 1 end) as active,
			count(*) over () as total
		from passes p
		join ${recordInstances} ri2 on ri2.instance_id = p.instance
		join ${crmRecords} r on r.id = ri2.record_id
		join ${crmEntityTypes} t on t.id = r.entity_type_id
		group by r.id
		order by last_at desc, r.id
		limit ${limit}`);
	return {
		total: num(rows[0]?.total),
		records: rows.map((r) => ({
			id: r.id,
			type: r.type,
			title: r.title,
			passes: num(r.passes),
			lastEnteredAt: new Date(num(r.last_at)),
			completedMs: num(r.completed_ms),
			active: num(r.active) > 0
		}))
	};
}

const HOUR = 3_600_000;

/** The heatmap as a table for XLSX and CSV: one row per element, durations in hours. */
export function heatmapTables(report: HeatmapReport, locale: Locale): ReportTable[] {
	const t = translator(locale);
	const label = (key: string) => t(`reportsHeatmap.columns.${key}`) as string;
	return [
		{
			name: t('reportsHeatmap.sheet', { version: report.version }) as string,
			columns: [
				{ key: 'name', label: label('name'), type: 'text' },
				{ key: 'elementId', label: label('elementId'), type: 'text' },
				{ key: 'type', label: label('type'), type: 'text' },
				{ key: 'entered', label: label('entered'), type: 'integer' },
				{ key: 'completed', label: label('completed'), type: 'integer' },
				{ key: 'active', label: label('active'), type: 'integer' },
				{ key: 'medianHours', label: label('medianHours'), type: 'hours' },
				{ key: 'avgHours', label: label('avgHours'), type: 'hours' }
			],
			rows: report.elements.map((e) => ({
				name: e.name,
				elementId: e.elementId,
				type: e.type.replace(/^bpmn:/, ''),
				entered: e.entered,
				completed: e.completed,
				active: e.active,
				medianHours: e.medianMs === null ? null : e.medianMs / HOUR,
				avgHours: e.avgMs === null ? null : e.avgMs / HOUR
			}))
		}
	];
}
