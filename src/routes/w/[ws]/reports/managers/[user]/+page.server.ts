import { workspaceScope } from '$lib/server/access/guards';
import { pageData } from '$lib/server/forms';
import { managerList, LIST_LIMIT } from '$lib/server/reports/managers';
import { pagePeriod, parseManagerList } from '$lib/server/reports/managers-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const now = new Date();
	const { period, days } = pagePeriod(url.searchParams, now);
	const result = await pageData(async () => managerList(locals.db, scope, { userId: params.user, list: parseManagerList(url.searchParams.get('list')), period, now }));
	return { ...result, period: days, limit: LIST_LIMIT, now: now.toISOString() };
};
