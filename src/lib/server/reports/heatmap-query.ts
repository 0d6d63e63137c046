import { and, eq } from 'drizzle-orm';
import type { Reader } from '../crm/db-types';
import { revisions } from '../db/schema';
import { UserError } from '../errors';
import { loadPipelines, processVersionsOf, type Pipeline } from '../workflow/pipelines';
import type { ProcessVersionRow } from '../workflow/versions';
import { parsePeriod, type Period } from './common';

/**
 * What a heatmap is asked for: a process (by its pipeline key), one of its published versions
 * and a period, from the query string of the page and of the API. Every bad parameter is a
 * UserError naming it.
 */

export interface HeatmapParams {
	/** The pipeline key; none: the workspace's first pipeline. */
	process: string | null;
	/** A version number; none: the pipeline's current version. */
	version: number | null;
	period: Period;
	/** The element whose records to list. */
	element: string | null;
}

/** A published version as the version picker lists it. */
export interface HeatmapVersion {
	version: number;
	revision: number;
	publishedAt: Date;
	current: boolean;
}

/** The process and version a heatmap reads, with the engine definition the version deployed. */
export interface HeatmapTarget {
	pipeline: Pipeline;
	version: ProcessVersionRow;
	/** Every published version of the process, newest first. */
	versions: HeatmapVersion[];
}

const problem = (field: string, message: string) => new UserError('validation', {}, [{ field, message }]);

export function parseHeatmapParams(params: URLSearchParams, now = new Date()): HeatmapParams {
	// `pipeline=`, as the other reports call it, names the process too
	const process = (params.get('process') ?? params.get('pipeline'))?.trim() || null;
	const versionParam = params.get('version')?.trim() || null;
	if (versionParam !== null && !/^[1-9]\d{0,8}$/.test(versionParam)) throw problem('version', `invalid_number:${versionParam}`);
	const element = params.get('element')?.trim() || null;
	if (element !== null && element.length > 200) throw problem('element', 'too_long');
	return { process, version: versionParam === null ? null : Number(versionParam), period: parsePeriod(params, now), element };
}

/**
 * The pipeline and version of the parameters. An unknown pipeline is a 404 naming `process`; a
 * version the process never published, a 404 naming `version`. Without a pipeline, the first
 * one; null when the workspace has published nothing yet.
 */
export async function resolveHeatmapTarget(db: Reader, workspaceId: string, params: Pick<HeatmapParams, 'process' | 'version'>): Promise<HeatmapTarget | null> {
	const all = await loadPipelines(db, workspaceId);
	const pipeline = params.process === null ? all[0] : all.find((p) => p.key === params.process);
	if (!pipeline) {
		if (params.process === null) return null;
		throw new UserError('not_found', {}, [{ field: 'process', message: `unknown_pipeline:${params.process}` }]);
	}
	const rows = await processVersionsOf(db, workspaceId, pipeline.processId);
	const wanted = params.version ?? pipeline.version;
	const version = rows.find((r) => r.version === wanted);
	if (!version) throw new UserError('not_found', {}, [{ field: 'version', message: `unknown_option:${wanted}` }]);
	return {
		pipeline,
		version,
		versions: rows.map((r) => ({ version: r.version, revision: r.revisionNumber, publishedAt: r.publishedAt, current: r.id === pipeline.versionId }))
	};
}

/** The diagram the version was published from (its TO BE revision), exactly as saved. */
export async function versionDiagram(db: Reader, workspaceId: string, version: Pick<ProcessVersionRow, 'processId' | 'revisionNumber'>): Promise<string | null> {
	const [row] = await db
		.select({ xml: revisions.xml })
		.from(revisions)
		.where(
			and(
				eq(revisions.workspaceId, workspaceId),
				eq(revisions.processId, version.processId),
				eq(revisions.track, 'to_be'),
				eq(revisions.number, version.revisionNumber)
			)
		);
	return row?.xml ?? null;
}
