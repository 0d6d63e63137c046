import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { taskCreateSchema } from '$lib/server/crm/tasks';
import { taskJson } from '$lib/server/workflow/api';
import { createTaskAsPerson, listTasks } from '$lib/server/workflow/work-tasks';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const items = await listTasks(locals.db, scope, Object.fromEntries(url.searchParams));
	return json({ items: items.map(taskJson) });
});

export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const body = await readJson(request, taskCreateSchema.omit({ engineTaskId: true }));
	return json(taskJson(await createTaskAsPerson(locals.db, scope, body)), { status: 201 });
});
