import { enforceLogin } from '$lib/server/access/guards';
import { allows } from '$lib/server/access/permissions';
import { listUserWorkspaces } from '$lib/server/workspaces/workspaces';
import { unreadReviewCounts } from '$lib/server/review/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, depends }) => {
	enforceLogin(locals, url);
	depends('potok:reviews-unread');
	const user = locals.user;
	const unread = user ? await unreadReviewCounts(locals.db, user.id) : new Map<string, number>();
	return {
		locale: locals.locale,
		user: user && { id: user.id, name: user.name, email: user.email },
		// Each workspace with the sections the person may open, for the navigation.
		workspaces: (user ? await listUserWorkspaces(locals.db, user.id) : []).map((w) => ({
			...w,
			sections: {
				processes: allows(w.roles, 'processes.view'),
				reviews: allows(w.roles, 'reviews.view'),
				settings: allows(w.roles, 'members.manage'),
				crm: allows(w.roles, 'crm.records'),
				crmSettings: allows(w.roles, 'crm.configure'),
				reports: allows(w.roles, 'reports.view')
			},
			reviewsUnread: unread.get(w.id) ?? 0
		}))
	};
};
