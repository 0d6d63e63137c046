import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { mergeInputSchema } from '$lib/server/crm/merge';
import { getRecord } from '$lib/server/crm/records';
import { recordJson } from '$lib/server/crm/views/record-json';
import { mergeRecordsInWorkflow } from '$lib/server/workflow/record-update';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const input = await readJson(request, mergeInputSchema);
	const { changed } = await mergeRecordsInWorkflow(locals.db, scope, params.id, input);
	return json({ record: recordJson(await getRecord(locals.db, scope, params.id)), changed });
});
