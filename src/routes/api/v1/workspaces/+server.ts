import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { currentUser } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { createWorkspace, workspaceNameSchema } from '$lib/server/workspaces/workspaces';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = endpoint(async ({ request, locals }) => {
	const user = currentUser(locals);
	const { name } = await readJson(request, z.object({ name: workspaceNameSchema }));
	const id = await createWorkspace(locals.db, user.id, name);
	return json({ id, name }, { status: 201 });
});
