import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { listLinks } from '$lib/server/crm/links';
import { getRecord } from '$lib/server/crm/records';
import { patchOf, recordPatchBodySchema } from '$lib/server/crm/views/record-api';
import { asApiProblems, recordJson } from '$lib/server/crm/views/record-json';
import type { WorkspaceScope } from '$lib/server/access/scope';
import type { Database } from '$lib/server/db';
import { allowedMoves } from '$lib/server/workflow/moves';
import { updateRecordInWorkflow } from '$lib/server/workflow/record-update';
import type { RequestHandler } from './$types';

async function fullRecord(db: Database, scope: WorkspaceScope, id: string) {
	const record = await getRecord(db, scope, id);
	const [links, moves] = await Promise.all([listLinks(db, scope, id), allowedMoves(db, scope, record)]);
	return { ...recordJson(record), links, allowedMoves: moves };
}

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	return json(await fullRecord(locals.db, workspaceScope({ locals, params }), params.id));
});

export const PATCH: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const body = await readJson(request, recordPatchBodySchema);
	const changed = await asApiProblems(() => updateRecordInWorkflow(locals.db, scope, params.id, patchOf(body)));
	return json({ ...(await fullRecord(locals.db, scope, params.id)), changed });
});
