import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { listRecords, recordListSchema } from '$lib/server/crm/record-list';
import { loadRecord } from '$lib/server/crm/record-read';
import { createInputOf, recordCreateBodySchema } from '$lib/server/crm/views/record-api';
import { asApiProblems, recordJson } from '$lib/server/crm/views/record-json';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const query = Object.fromEntries(url.searchParams);
	const { responsible, ...rest } = query;
	const responsibleId = responsible === 'me' ? scope.userId : (responsible ?? rest.responsibleId);
	const page = await listRecords(locals.db, scope, recordListSchema.parse({ ...rest, responsibleId }));
	return json({ items: page.items.map(recordJson), nextCursor: page.nextCursor });
});

export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const body = await readJson(request, recordCreateBodySchema);
	const created = await asApiProblems(() => createRecordInPipeline(locals.db, scope, createInputOf(body)));
	// Read back as written, even when the caller made someone else responsible (and so no longer sees it)
	// or the workspace's automatic merge folded it into an older record (`mergedInto` says which).
	const record = await loadRecord(locals.db.db, scope.workspaceId, created.id);
	if (!record) throw new Error(`Expected record ${created.id} to exist after creating it, but it does not`);
	return json(
		{
			...recordJson(record),
			duplicates: created.duplicates.filter((d) => d.visible).map((d) => ({ id: d.id, title: d.title, matchedBy: d.matchedBy }))
		},
		{ status: 201 }
	);
});
