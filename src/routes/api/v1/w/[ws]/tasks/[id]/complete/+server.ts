import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { taskJson } from '$lib/server/workflow/api';
import { completeTaskAsPerson, taskCompleteSchema } from '$lib/server/workflow/work-tasks';
import type { RequestHandler } from './$types';

/** Completes a task: 200, 409 when it is closed already, 422 when the outcome, the stage's fields or the result are missing. */
export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const body = await readJson(request, taskCompleteSchema);
	return json(taskJson(await completeTaskAsPerson(locals.db, scope, params.id, body)));
});
