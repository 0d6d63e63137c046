import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth/sessions';
import type { WorkspaceScope } from './scope';

type Locals = App.Locals;

/** Sends a refused page request where it belongs: to the login page, or to the error page. */
export function enforceDenial(locals: Locals, url: URL): void {
	const denied = locals.denied;
	if (!denied) return;
	if (denied.status === 401) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	error(denied.status, { message: denied.code, code: denied.code });
}

/** The workspace scope the access hook established; loads and actions of `[ws]` routes call this. */
export function workspaceScope(locals: Locals): WorkspaceScope {
	if (!locals.scope) error(locals.denied?.status ?? 403, { message: 'forbidden', code: locals.denied?.code ?? 'forbidden' });
	return locals.scope;
}

/** The logged-in user; `user` routes call this. */
export function currentUser(locals: Locals): SessionUser {
	if (!locals.user) error(401, { message: 'unauthenticated', code: 'unauthenticated' });
	return locals.user;
}
