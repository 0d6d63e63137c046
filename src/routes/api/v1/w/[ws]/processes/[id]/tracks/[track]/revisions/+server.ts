import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { parseTrack } from '$lib/server/processes/processes';
import { listRevisions } from '$lib/server/processes/revisions';
import { revisionJson } from '$lib/server/processes/process-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const revisions = await listRevisions(locals.db, workspaceScope({ locals, params }), params.id, parseTrack(params.track));
	return json({ revisions: revisions.map(revisionJson) });
});
