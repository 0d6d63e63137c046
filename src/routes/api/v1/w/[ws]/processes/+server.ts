import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { createProcess, getProcess, listProcesses, processInputSchema } from '$lib/server/processes/processes';
import { processJson } from '$lib/server/processes/process-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const processes = await listProcesses(locals.db, workspaceScope({ locals, params }));
	return json({ processes: processes.map(processJson) });
});

export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const input = await readJson(request, processInputSchema);
	const id = await createProcess(locals.db, scope, input);
	return json(processJson(await getProcess(locals.db, scope, id)), { status: 201 });
});
