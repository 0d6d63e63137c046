import { fail, redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { setUserLocale } from '$lib/server/auth/accounts';
import { readForm } from '$lib/server/forms';
import { safeNext } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Switches the interface language: remembered on the account, and in a cookie for visitors. */
export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const form = await readForm(request);
		if (!isLocale(form.locale)) return fail(400, { message: 'locale must be ru or en' });
		cookies.set('potok_locale', form.locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 365 * 24 * 3600,
			secure: url.protocol === 'https:'
		});
		if (locals.user) await setUserLocale(locals.db, locals.user.id, form.locale);
		redirect(303, safeNext(typeof form.redirectTo === 'string' ? form.redirectTo : null));
	}
};
