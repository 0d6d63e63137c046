import { enforceLogin } from '$lib/server/access/guards';
import { listUserWorkspaces } from '$lib/server/workspaces/workspaces';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	enforceLogin(locals, url);
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && { id: user.id, name: user.name, email: user.email },
		workspaces: user ? await listUserWorkspaces(locals.db, user.id) : []
	};
};
