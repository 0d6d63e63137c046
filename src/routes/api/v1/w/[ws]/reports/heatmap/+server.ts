import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { UserError } from '$lib/server/errors';
import { reportFormat } from '$lib/server/reports/api';
import { reportResponsible } from '$lib/server/reports/common';
import { downloadResponse } from '$lib/server/reports/export';
import { heatmapReport, heatmapTables } from '$lib/server/reports/heatmap';
import { parseHeatmapParams, resolveHeatmapTarget } from '$lib/server/reports/heatmap-query';
import type { RequestHandler } from './$types';

/**
 * The heatmap of a process version: `?process=<pipeline key>&version=<n>&from=&to=` (version:
 * the current one; period: the last 30 days), as JSON or, with `format=xlsx|csv`, as a download.
 * `pipeline=` is the same as `process=`, as in the other reports.
 */
export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const format = reportFormat(url.searchParams);
	const query = parseHeatmapParams(url.searchParams);
	if (query.process === null) throw new UserError('validation', {}, [{ field: 'process', message: 'required' }]);
	const responsibleId = reportResponsible(scope);
	const target = await resolveHeatmapTarget(locals.db.db, scope.workspaceId, query);
	if (!target) throw new UserError('not_found', {}, [{ field: 'process', message: `unknown_pipeline:${query.process}` }]);
	const report = await heatmapReport(locals.db.db, scope.workspaceId, target, { period: query.period, responsibleId });
	if (format !== 'json') {
		const name = `heatmap-${report.process.key}-v${report.version}-${report.period.from}-${report.period.to}`;
		return downloadResponse(heatmapTables(report, locals.locale), format, name);
	}
	return json({
		process: report.process,
		version: report.version,
		versions: report.versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
		period: report.period,
		maxEntered: report.maxEntered,
		elements: report.elements
	});
});
