import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { listFilterSchema, recordListPage } from '$lib/server/crm/views/record-list-page';
import type { Actions, PageServerLoad } from './$types';

/** The columns a person chose for a type's list, remembered in a cookie per person and workspace. */
const columnsCookie = (userId: string, type: string) => `potok_columns_${userId}_${type}`;

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	const scope = workspaceScope({ locals, params });
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const chosen = cookies.get(columnsCookie(scope.userId, params.type));
	const page = await pageData(() => recordListPage(locals.db, scope, params.type, filter, chosen === undefined ? null : chosen.split(',').filter(Boolean)));
	return { ...page, filter, me: scope.userId };
};

export const actions: Actions = {
	columns: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const { columns } = z.object({ columns: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/).max(48)).max(60) }).parse({ columns: [form.columns ?? []].flat() });
			cookies.set(columnsCookie(scope.userId, params.type), columns.join(','), { path: `/w/${params.ws}/records`, maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
			return { columns };
		});
	}
};
