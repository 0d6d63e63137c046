import { redirect } from '@sveltejs/kit';
import { currentUser } from '$lib/server/access/guards';
import { formAction } from '$lib/server/forms';
import { acceptInvitation, previewInvitation } from '$lib/server/workspaces/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	return { invitation: await previewInvitation(locals.db, params.token), loggedIn: locals.user !== null };
};

export const actions: Actions = {
	accept: async ({ locals, params }) => {
		const user = currentUser(locals);
		const result = await formAction(locals.locale, () => acceptInvitation(locals.db, params.token, user.id));
		if (typeof result !== 'string') return result;
		redirect(303, `/w/${result}`);
	}
};
