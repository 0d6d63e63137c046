import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { pipelineJson } from '$lib/server/workflow/api';
import { listPipelines } from '$lib/server/workflow/pipelines';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const pipelines = await listPipelines(locals.db, scope, url.searchParams.get('type') ?? undefined);
	return json(pipelines.map(pipelineJson));
});
