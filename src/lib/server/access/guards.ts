import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth/sessions';
import type { WorkspaceScope } from './scope';

type Locals = App.Locals;

/**
 * Sends a page request refused for want of a session to the login page. The
 * root layout calls it; other refusals (403, 404) only happen on `[ws]` routes,
 * whose layout turns them into the error page through `workspaceScope` (an
 * error thrown by the root layout itself could not be shown in the app's frame).
 */
export function enforceLogin(locals: Locals, url: URL): void {
	if (locals.denied?.status === 401) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * The workspace scope the access hook established; loads, actions and
 * handlers of `[ws]` routes call this. It reads `params.ws` so that SvelteKit
 * reruns a load when the person switches workspace.
 */
export function workspaceScope(event: { locals: Locals; params: Partial<Record<string, string>> }): WorkspaceScope {
	const { locals, params } = event;
	const scope = locals.scope;
	if (!scope || scope.workspaceId !== params.ws) {
		error(locals.denied?.status ?? 403, { message: 'forbidden', code: locals.denied?.code ?? 'forbidden' });
	}
	return scope;
}

/** The logged-in user; `user` routes call this. */
export function currentUser(locals: Locals): SessionUser {
	if (!locals.user) error(401, { message: 'unauthenticated', code: 'unauthenticated' });
	return locals.user;
}
