import type { Database } from '../db';
import type { SessionUser } from '../auth/sessions';
import { findMembership } from '../workspaces/workspaces';
import { allows } from './permissions';
import { routeAccess } from './routes';
import type { WorkspaceScope } from './scope';

export type Denial =
	| { status: 401; code: 'unauthenticated' }
	| { status: 403; code: 'forbidden' }
	| { status: 404; code: 'not_found' };

export interface AccessRequest {
	method: string;
	routeId: string | null;
	search: string;
	params: Partial<Record<string, string>>;
	user: SessionUser | null;
	/** The scope of a valid bearer token (API requests only). */
	tokenScope: WorkspaceScope | null;
}

export type AccessDecision = { scope: WorkspaceScope | null } | { denied: Denial };

/**
 * Decides whether a request may reach its route, and in which workspace scope.
 * Order: the route must be declared; a workspace route needs a session or a
 * token; the person must be a member of the workspace (else 404, so outsiders
 * cannot even learn that it exists); their roles must allow the permission.
 */
export async function authorize(database: Database, req: AccessRequest): Promise<AccessDecision> {
	if (req.routeId === null) return { scope: null };
	const access = routeAccess(req.method, req.routeId, req.search);
	if (access === undefined) {
		console.error(`access: ${req.method} ${req.routeId}${req.search} is not declared in access/routes.ts; refused`);
		return { denied: { status: 403, code: 'forbidden' } };
	}
	if (access === 'public') return { scope: null };
	if (access === 'user') {
		return req.user ? { scope: null } : { denied: { status: 401, code: 'unauthenticated' } };
	}

	const workspaceId = req.params.ws;
	if (!workspaceId) throw new Error(`Expected a [ws] parameter on ${req.routeId}, but there is none`);

	let scope: WorkspaceScope | null;
	if (req.tokenScope) {
		scope = req.tokenScope.workspaceId === workspaceId ? req.tokenScope : null;
	} else if (req.user) {
		const membership = await findMembership(database, workspaceId, req.user.id);
		scope = membership && {
			workspaceId,
			workspaceName: membership.workspaceName,
			roles: membership.roles,
			userId: req.user.id,
			membershipId: membership.membershipId,
			via: 'session'
		};
	} else {
		return { denied: { status: 401, code: 'unauthenticated' } };
	}
	if (!scope) return { denied: { status: 404, code: 'not_found' } };
	if (!allows(scope.roles, access.permission)) return { denied: { status: 403, code: 'forbidden' } };
	return { scope };
}
