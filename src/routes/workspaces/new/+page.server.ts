import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { currentUser } from '$lib/server/access/guards';
import { formAction, readForm } from '$lib/server/forms';
import { createWorkspace, workspaceNameSchema } from '$lib/server/workspaces/workspaces';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = currentUser(locals);
		const form = await readForm(request);
		const result = await formAction(
			locals.locale,
			() => createWorkspace(locals.db, user.id, z.object({ name: workspaceNameSchema }).parse(form).name),
			form
		);
		if (typeof result !== 'string') return result;
		redirect(303, `/w/${result}`);
	}
};
