import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isLocale } from '$lib/i18n';
import { currentUser } from '$lib/server/access/guards';
import { changePassword, setUserLocale } from '$lib/server/auth/accounts';
import { invalidateUserSessions, listUserSessions } from '$lib/server/auth/sessions';
import { formAction, readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = currentUser(locals);
	const sessions = await listUserSessions(locals.db, user.id);
	return {
		sessions: sessions.map((s) => ({
			current: s.id === locals.session?.id,
			createdAt: s.createdAt,
			userAgent: s.userAgent,
			ip: s.ip
		}))
	};
};

export const actions: Actions = {
	locale: async ({ request, locals }) => {
		const user = currentUser(locals);
		const form = await readForm(request);
		if (!isLocale(form.locale)) return fail(400, { message: 'locale must be ru or en' });
		await setUserLocale(locals.db, user.id, form.locale);
		return { saved: 'locale' };
	},
	revokeOthers: async ({ locals }) => {
		const user = currentUser(locals);
		await invalidateUserSessions(locals.db, user.id, locals.session?.id);
		return { saved: 'sessions' };
	},
	password: async ({ request, locals }) => {
		const user = currentUser(locals);
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const input = z.object({ current: z.string(), password: z.string() }).parse(form);
			await changePassword(locals.db, user.id, input.current, input.password);
			await invalidateUserSessions(locals.db, user.id, locals.session?.id);
			return { saved: 'password' };
		});
	}
};
