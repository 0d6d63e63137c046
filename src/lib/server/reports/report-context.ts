import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import type { Reader } from '../crm/db-types';
import { crmStageVisits, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { loadFields } from '../crm/fields';
import { findPipeline, loadPipelines, type Pipeline } from '../workflow/pipelines';
import { parsePeriod, reportResponsible, type Period } from './common';

/**
 * What the pipeline reports (funnel, time in stage) start from: the pipeline, the period, the
 * filters the caller may use, and the labels their numbers are shown with.
 */
export interface PipelineReportQuery {
	pipeline: Pipeline;
	period: Period;
	/** Only records of this responsible (always the caller's own for an employee). */
	responsibleId?: string;
	/** Only records with this source (an option key of the `source` field). */
	source?: string;
}

export interface Labels {
	/** The stage's label: the pipeline's, or the key for a stage only older versions had. */
	stage(key: string): string;
	source(key: string | null): string;
	lossReason(key: string | null): string;
	person(id: string | null): string;
}

/** Reads `pipeline`, `from`, `to`, `responsible` and `source` from a query string. */
export async function pipelineReportQuery(database: Database, scope: WorkspaceScope, params: URLSearchParams, now = new Date()): Promise<PipelineReportQuery> {
	const key = params.get('pipeline');
	let pipeline: Pipeline | null;
	if (key) {
		pipeline = await findPipeline(database.db, scope.workspaceId, key);
		if (!pipeline) throw new UserError('validation', {}, [{ field: 'pipeline', message: `unknown_pipeline:${key}` }]);
	} else {
		pipeline = (await loadPipelines(database.db, scope.workspaceId))[0] ?? null;
		if (!pipeline) throw new UserError('validation', {}, [{ field: 'pipeline', message: 'unknown_pipeline' }]);
	}
	return {
		pipeline,
		period: parsePeriod(params, now),
		responsibleId: reportResponsible(scope, params.get('responsible')),
		source: params.get('source') || undefined
	};
}

/** The SQL condition selecting a query's stays (of its pipeline, filtered by responsible and source). */
export function visitFilter(workspaceId: string, query: PipelineReportQuery): SQL {
	return and(
		eq(crmStageVisits.workspaceId, workspaceId),
		eq(crmStageVisits.pipeline, query.pipeline.key),
		query.responsibleId ? eq(crmStageVisits.responsibleId, query.responsibleId) : undefined,
		query.source ? eq(crmStageVisits.source, query.source) : undefined
	)!;
}

/** Stage keys in the pipeline's order, then any that only older versions had. */
export function stageOrder(pipeline: Pipeline, seen: Iterable<string>): string[] {
	const keys = pipeline.stages.map((s) => s.key);
	for (const key of seen) if (!keys.includes(key)) keys.push(key);
	return keys;
}

export async function reportLabels(db: Reader, pipeline: Pipeline, people: Iterable<string | null>): Promise<Labels> {
	const fields = await loadFields(db, pipeline.entityTypeId);
	const options = (key: string) => new Map((fields.find((f) => f.key === key)?.options ?? []).map((o) => [o.key, o.label]));
	const sources = options('source');
	const reasons = options('loss_reason');
	const ids = [...new Set([...people].filter((id): id is string => !!id))];
	const names = new Map<string, string>();
	if (ids.length > 0) for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))) names.set(u.id, u.name);
	const stages = new Map(pipeline.stages.map((s) => [s.key, s.label]));
	return {
		stage: (key) => stages.get(key) ?? key,
		source: (key) => (key === null ? '' : (sources.get(key) ?? key)),
		lossReason: (key) => (key === null ? '' : (reasons.get(key) ?? key)),
		person: (id) => (id === null ? '' : (names.get(id) ?? ''))
	};
}

/** `numerator / denominator`, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
	return denominator > 0 ? numerator / denominator : null;
}

