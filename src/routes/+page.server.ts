import { redirect } from '@sveltejs/kit';
import { listUserWorkspaces } from '$lib/server/workspaces/workspaces';
import type { PageServerLoad } from './$types';

/** The front door: the first workspace, the workspace form, or the login page. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	const [first] = await listUserWorkspaces(locals.db, locals.user.id);
	redirect(303, first ? `/w/${first.id}` : '/workspaces/new');
};
