import { workspaceScope } from '$lib/server/access/guards';
import { pageData } from '$lib/server/forms';
import { UserError } from '$lib/server/errors';
import { describeError, type ErrorBody } from '$lib/server/messages';
import { reportResponsible } from '$lib/server/reports/common';
import { heatmapElementRecords, heatmapReport } from '$lib/server/reports/heatmap';
import { parseHeatmapParams, resolveHeatmapTarget, versionDiagram, type HeatmapParams } from '$lib/server/reports/heatmap-query';
import { loadPipelines } from '$lib/server/workflow/pipelines';
import type { PageServerLoad } from './$types';

/**
 * The heatmap page: pickers (a GET form), the coloured diagram and, for `?element=`, the records
 * that passed it. A bad parameter shows its message above the defaults instead of an error page.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const db = locals.db.db;
	const responsibleId = await pageData(async () => reportResponsible(scope));
	const problems: ErrorBody[] = [];
	const attempt = async <T>(run: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
		try {
			return await run();
		} catch (e) {
			if (!(e instanceof UserError)) throw e;
			problems.push(describeError(e, locals.locale).body);
			return fallback();
		}
	};
	const defaults = () => parseHeatmapParams(new URLSearchParams());
	const query: HeatmapParams = await attempt(async () => parseHeatmapParams(url.searchParams), async () => defaults());
	const target = await attempt(
		() => resolveHeatmapTarget(db, scope.workspaceId, query),
		// the same process at its current version, or else the first process
		() => resolveHeatmapTarget(db, scope.workspaceId, { process: query.process, version: null }).catch(() => resolveHeatmapTarget(db, scope.workspaceId, { process: null, version: null }))
	);
	const problem = problems[0] ?? null;
	const pipelines = (await loadPipelines(db, scope.workspaceId)).map((p) => ({ key: p.key, name: p.name }));
	if (!target) return { pipelines, problem, onlyMine: responsibleId !== undefined, target: null };
	const period = { period: query.period, responsibleId };
	const report = await heatmapReport(db, scope.workspaceId, target, period);
	const element = query.element ? report.elements.find((e) => e.elementId === query.element) : undefined;
	return {
		pipelines,
		problem,
		onlyMine: responsibleId !== undefined,
		target: { process: target.pipeline.key, version: target.version.version },
		report,
		xml: await versionDiagram(db, scope.workspaceId, target.version),
		element: element ?? null,
		elementRecords: element ? await heatmapElementRecords(db, scope.workspaceId, target, element.elementId, period) : null
	};
};
