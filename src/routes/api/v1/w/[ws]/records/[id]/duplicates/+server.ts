import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { findRecordDuplicates } from '$lib/server/crm/duplicates';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const duplicates = await findRecordDuplicates(locals.db, workspaceScope({ locals, params }), params.id);
	return json({
		duplicates: duplicates.map((d) => ({ id: d.id, title: d.title, visible: d.visible, matchedBy: d.matchedBy, createdAt: d.createdAt.toISOString() }))
	});
});
