import { workspaceScope } from '$lib/server/access/guards';
import { formAction, readForm } from '$lib/server/forms';
import { getReviewSettings, updateReviewSettings } from '$lib/server/review/settings';
import type { Actions, PageServerLoad } from './$types';

/** How the workspace approves: any one or all approvers, and whether only approved revisions publish. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return { settings: await getReviewSettings(locals.db, scope) };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const settings = await updateReviewSettings(locals.db, scope, {
				approvalRule: form.approvalRule as 'any' | 'all',
				publishOnlyApproved: form.publishOnlyApproved === 'on'
			});
			return { saved: settings };
		});
	}
};
