import { workspaceScope } from '$lib/server/access/guards';
import { allows } from '$lib/server/access/permissions';
import { formAction } from '$lib/server/forms';
import { listReviewNotifications, markReviewNotificationsRead } from '$lib/server/review/notifications';
import { reviewQueue } from '$lib/server/review/submissions';
import type { Actions, PageServerLoad } from './$types';

/** «На согласовании»: processes submitted for review and the person's review notifications. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const [queue, notifications] = await Promise.all([reviewQueue(locals.db, scope), listReviewNotifications(locals.db, scope)]);
	return {
		queue,
		notifications,
		isApprover: scope.roles.includes('approver'),
		canConfigure: allows(scope.roles, 'reviews.configure')
	};
};

export const actions: Actions = {
	read: async ({ locals, params }) => {
		const scope = workspaceScope({ locals, params });
		return formAction(locals.locale, async () => {
			return { read: await markReviewNotificationsRead(locals.db, scope) };
		});
	}
};
