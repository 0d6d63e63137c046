import { enforceLogin } from '$lib/server/access/guards';
import { allows } from '$lib/server/access/permissions';
import { listUserWorkspaces } from '$lib/server/workspaces/workspaces';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	enforceLogin(locals, url);
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && { id: user.id, name: user.name, email: user.email },
		// Each workspace with the sections the person may open, for the navigation.
		workspaces: (user ? await listUserWorkspaces(locals.db, user.id) : []).map((w) => ({
			...w,
			sections: { processes: allows(w.roles, 'processes.view'), settings: allows(w.roles, 'members.manage') }
		}))
	};
};
