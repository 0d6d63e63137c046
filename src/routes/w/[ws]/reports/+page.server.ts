import { workspaceScope } from '$lib/server/access/guards';
import { hasRole } from '$lib/server/access/scope';
import { UserError } from '$lib/server/errors';
import { describeError } from '$lib/server/messages';
import { loadFields } from '$lib/server/crm/fields';
import { funnelReport } from '$lib/server/reports/funnel';
import { periodDays } from '$lib/server/reports/common';
import { pipelineReportQuery } from '$lib/server/reports/report-context';
import { stageTimesReport } from '$lib/server/reports/stage-times';
import { heatmapReport } from '$lib/server/reports/heatmap';
import { resolveHeatmapTarget, versionDiagram } from '$lib/server/reports/heatmap-query';
import { managersReport } from '$lib/server/reports/managers';
import { listMembers } from '$lib/server/workspaces/members';
import { loadPipelines } from '$lib/server/workflow/pipelines';
import type { PageServerLoad } from './$types';

/**
 * «Аналитика»: for one pipeline and period, the funnel, time in stage, the heatmap of its current
 * version and manager control on one page; each has its own page and download for details.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const pipelines = await loadPipelines(locals.db.db, scope.workspaceId);
	const seesEveryone = hasRole(scope, 'owner', 'manager', 'analyst');
	const base = { pipelines: pipelines.map((p) => ({ key: p.key, name: p.name, processId: p.processId })), seesEveryone };
	if (pipelines.length === 0) return { ...base, report: null, error: null };
	let query;
	let error: string | null = null;
	try {
		query = await pipelineReportQuery(locals.db, scope, url.searchParams);
	} catch (e) {
		if (!(e instanceof UserError) || e.code === 'forbidden') throw e;
		// A bad period or pipeline in the address: say what is wrong and show the defaults.
		const body = describeError(e, locals.locale).body;
		error = [body.message, ...body.details.map((d) => `${d.field}: ${d.message}`)].join(' — ');
		query = await pipelineReportQuery(locals.db, scope, new URLSearchParams());
	}
	const now = new Date();
	const db = locals.db.db;
	const [funnel, stageTimes, members, fields, managers, target] = await Promise.all([
		funnelReport(locals.db, scope.workspaceId, query),
		stageTimesReport(locals.db, scope.workspaceId, query, now),
		seesEveryone ? listMembers(locals.db, scope) : Promise.resolve([]),
		loadFields(db, query.pipeline.entityTypeId),
		managersReport(locals.db, scope, { period: query.period, now, responsible: query.responsibleId }),
		resolveHeatmapTarget(db, scope.workspaceId, { process: query.pipeline.key, version: null })
	]);
	const heatmap = target && {
		version: target.version.version,
		report: await heatmapReport(db, scope.workspaceId, target, { period: query.period, responsibleId: query.responsibleId }),
		xml: await versionDiagram(db, scope.workspaceId, target.version)
	};
	const sources = fields.find((f) => f.key === 'source')?.options.filter((o) => !o.archived) ?? [];
	return {
		...base,
		error,
		report: {
			pipeline: query.pipeline.key,
			period: periodDays(query.period),
			responsible: query.responsibleId ?? '',
			source: query.source ?? '',
			funnel,
			stageTimes,
			managers,
			heatmap
		},
		people: members.filter((m) => !m.roles.every((r) => r === 'approver')).map((m) => ({ id: m.userId, name: m.name })),
		sources: sources.map((o) => ({ key: o.key, label: o.label }))
	};
};
