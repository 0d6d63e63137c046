import { workspaceScope } from '$lib/server/access/guards';
import { hasRole } from '$lib/server/access/scope';
import { pageData } from '$lib/server/forms';
import { managersReport } from '$lib/server/reports/managers';
import { pagePeriod } from '$lib/server/reports/managers-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const now = new Date();
	const { period, days, periodInvalid } = pagePeriod(url.searchParams, now);
	const rows = await pageData(() => managersReport(locals.db, scope, { period, now, responsible: url.searchParams.get('responsible') }));
	return { rows, period: days, periodInvalid, everyone: hasRole(scope, 'owner', 'manager', 'analyst') };
};
