import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { reportFormat, reportResponse } from '$lib/server/reports/api';
import { pipelineReportQuery } from '$lib/server/reports/report-context';
import { stageTimesReport, stageTimesTables } from '$lib/server/reports/stage-times';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const format = reportFormat(url.searchParams);
	const query = await pipelineReportQuery(locals.db, scope, url.searchParams);
	const report = await stageTimesReport(locals.db, scope.workspaceId, query);
	return reportResponse(format, locals.locale, report, stageTimesTables, `stage-times-${query.pipeline.key}`);
});
