import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, readForm } from '$lib/server/forms';
import { apiTokenInputSchema, createApiToken, listApiTokens, revokeApiToken } from '$lib/server/workspaces/api-tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	return { tokens: await listApiTokens(locals.db, workspaceScope({ locals, params })) };
};

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				const roles = form.roles === undefined ? [] : Array.isArray(form.roles) ? form.roles : [form.roles];
				const created = await createApiToken(locals.db, scope, apiTokenInputSchema.parse({ name: form.name, roles }));
				return { token: created.token };
			},
			form
		);
	},
	revoke: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			await revokeApiToken(locals.db, scope, z.object({ id: z.string().min(1) }).parse(form).id);
			return { revoked: true };
		});
	}
};
