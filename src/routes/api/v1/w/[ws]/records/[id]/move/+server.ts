import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { moveInputSchema, moveRecord } from '$lib/server/workflow/moves';
import type { RequestHandler } from './$types';

/** Moves a record where the diagram allows: 200, 409 when it does not lead there, 422 naming missing fields. */
export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const body = await readJson(request, moveInputSchema);
	return json({ id: params.id, ...(await moveRecord(locals.db, scope, params.id, body)) });
});
