import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { logIn, logInSchema } from '$lib/server/auth/accounts';
import { createSession, invalidateSession } from '$lib/server/auth/sessions';
import { formAction, readForm } from '$lib/server/forms';
import { safeNext } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next'), ''), loggedOut: url.searchParams.has('loggedOut') };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await readForm(request);
		const result = await formAction(
			locals.locale,
			async () => {
				const input = logInSchema.parse(form);
				const { userId } = await logIn(locals.db, input, getClientAddress());
				// A new session on every login: never keep one from before.
				if (locals.session) await invalidateSession(locals.db, locals.session.id);
				const { token, session } = await createSession(locals.db, userId, {
					ip: getClientAddress(),
					userAgent: request.headers.get('user-agent')
				});
				setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
				return null;
			},
			form
		);
		if (result !== null) return result;
		redirect(303, safeNext(typeof form.next === 'string' ? form.next : null));
	}
};
