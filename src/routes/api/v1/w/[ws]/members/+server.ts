import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { createInvitation, invitationInputSchema } from '$lib/server/workspaces/invitations';
import { listMembers } from '$lib/server/workspaces/members';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	return json({ members: await listMembers(locals.db, workspaceScope({ locals, params })) });
});

export const POST: RequestHandler = endpoint(async ({ request, locals, url, params }) => {
	const scope = workspaceScope({ locals, params });
	const input = await readJson(request, invitationInputSchema);
	const created = await createInvitation(locals.db, scope, input);
	return json(
		{ invitation: { id: created.id, url: `${url.origin}${created.path}`, expiresAt: created.expiresAt.toISOString() } },
		{ status: 201 }
	);
});
