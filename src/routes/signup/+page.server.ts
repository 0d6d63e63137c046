import { redirect } from '@sveltejs/kit';
import { count } from 'drizzle-orm';
import { signUp, signUpSchema } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession } from '$lib/server/auth/sessions';
import { users } from '$lib/server/db/schema';
import { formAction, readForm } from '$lib/server/forms';
import { safeNext } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, '/');
	const [row] = await locals.db.db.select({ n: count() }).from(users);
	return { next: safeNext(url.searchParams.get('next'), ''), firstUser: (row?.n ?? 0) === 0 };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await readForm(request);
		const result = await formAction(
			locals.locale,
			async () => {
				const created = await signUp(locals.db, signUpSchema.parse(form));
				const { token, session } = await createSession(locals.db, created.userId, {
					ip: getClientAddress(),
					userAgent: request.headers.get('user-agent')
				});
				setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
				return created;
			},
			form
		);
		if (!('userId' in result)) return result;
		const next = safeNext(typeof form.next === 'string' ? form.next : null, '');
		redirect(303, next || (result.ownedWorkspaceId ? `/w/${result.ownedWorkspaceId}` : '/'));
	}
};
