import { json } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { reportFormat } from '$lib/server/reports/api';
import { parsePeriod, periodDays } from '$lib/server/reports/common';
import { downloadResponse } from '$lib/server/reports/export';
import { managersReport, managersTables } from '$lib/server/reports/managers';
import type { RequestHandler } from './$types';

/** The manager control report: `?from=&to=` (days, both included) and optionally `responsible=` and `format=json|xlsx|csv`. */
export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const format = reportFormat(url.searchParams);
	const now = new Date();
	const period = parsePeriod(url.searchParams, now);
	const rows = await managersReport(locals.db, scope, { period, now, responsible: url.searchParams.get('responsible') });
	const days = periodDays(period);
	if (format !== 'json') return downloadResponse(managersTables(rows, translator(locals.locale)), format, `managers-${days.from}-${days.to}`);
	return json({ period: days, rows });
});
