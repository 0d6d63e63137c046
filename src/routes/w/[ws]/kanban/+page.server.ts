import { redirect } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { listPipelines } from '$lib/server/workflow/pipelines';
import type { PageServerLoad } from './$types';

/** The kanban of the first deal pipeline (else the first of any type), or a word on how pipelines appear. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const pipelines = await listPipelines(locals.db, scope);
	const first = pipelines.find((p) => p.entityType === 'deal') ?? pipelines[0];
	if (first) redirect(303, `/w/${scope.workspaceId}/kanban/${first.key}`);
	return {};
};
