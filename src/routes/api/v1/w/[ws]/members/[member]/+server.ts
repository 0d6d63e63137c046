import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { UserError } from '$lib/server/errors';
import { listMembers, memberUpdateSchema, removeMember, updateMember } from '$lib/server/workspaces/members';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const change = await readJson(request, memberUpdateSchema);
	await updateMember(locals.db, scope, params.member, change);
	const member = (await listMembers(locals.db, scope)).find((m) => m.id === params.member);
	if (!member) throw new UserError('not_found');
	return json({ member });
});

export const DELETE: RequestHandler = endpoint(async ({ locals, params }) => {
	await removeMember(locals.db, workspaceScope({ locals, params }), params.member);
	return new Response(null, { status: 204 });
});
