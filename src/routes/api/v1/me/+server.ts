import { json } from '@sveltejs/kit';
import { currentUser } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { listUserWorkspaces } from '$lib/server/workspaces/workspaces';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals }) => {
	const user = currentUser(locals);
	const workspaces = await listUserWorkspaces(locals.db, user.id);
	return json({ user, workspaces: workspaces.map(({ id, name, roles }) => ({ id, name, roles })) });
});
