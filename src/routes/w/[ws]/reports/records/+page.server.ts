import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { pageData } from '$lib/server/forms';
import { periodDays } from '$lib/server/reports/common';
import { funnelList } from '$lib/server/reports/funnel';
import { pipelineReportQuery } from '$lib/server/reports/report-context';
import { timeZoneOf } from '$lib/server/crm/views/time-zone';
import type { PageServerLoad } from './$types';

const listSchema = z.object({ stage: z.string().min(1), kind: z.enum(['entered', 'movedOn', 'lost', 'open']).default('entered') });

/** The records behind one number of the funnel: a stage's entered, moved on, lost or still there. */
export const load: PageServerLoad = async ({ locals, params, url, cookies }) =>
	pageData(async () => {
		const scope = workspaceScope({ locals, params });
		const { stage, kind } = listSchema.parse(Object.fromEntries(url.searchParams));
		const query = await pipelineReportQuery(locals.db, scope, url.searchParams);
		const { items, more } = await funnelList(locals.db.db, scope.workspaceId, query, stage, kind);
		const back = new URLSearchParams(url.searchParams);
		back.delete('stage');
		back.delete('kind');
		return {
			pipeline: { key: query.pipeline.key, name: query.pipeline.name },
			stage: { key: stage, label: query.pipeline.stages.find((s) => s.key === stage)?.label ?? stage },
			kind,
			period: periodDays(query.period),
			items,
			more,
			back: back.toString(),
			timeZone: timeZoneOf(cookies)
		};
	});
