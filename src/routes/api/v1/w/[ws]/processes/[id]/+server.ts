import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { getProcess } from '$lib/server/processes/processes';
import { processJson } from '$lib/server/processes/process-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	return json(processJson(await getProcess(locals.db, workspaceScope({ locals, params }), params.id)));
});
