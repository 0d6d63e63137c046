import { json } from '@sveltejs/kit';
import { endpoint, readJson } from '$lib/server/api/respond';
import { logIn, logInSchema } from '$lib/server/auth/accounts';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { createSession, invalidateSession, validateSessionToken } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = endpoint(async ({ request, locals, cookies, url, getClientAddress }) => {
	const input = await readJson(request, logInSchema);
	const { userId } = await logIn(locals.db, input, getClientAddress());
	if (locals.session) await invalidateSession(locals.db, locals.session.id);
	const { token, session } = await createSession(locals.db, userId, {
		ip: getClientAddress(),
		userAgent: request.headers.get('user-agent')
	});
	setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
	const valid = await validateSessionToken(locals.db, token);
	return json({ user: valid?.user });
});

export const DELETE: RequestHandler = endpoint(async ({ locals, cookies, url }) => {
	if (locals.session) await invalidateSession(locals.db, locals.session.id);
	deleteSessionCookie(cookies, url.protocol === 'https:');
	return new Response(null, { status: 204 });
});
