import type { Role } from './roles';

/**
 * Who acts, in which workspace, with which roles. The access hook builds it
 * once per request from the session or the API token; server functions take
 * it instead of a bare workspace id, so every query is scoped by construction.
 */
export interface WorkspaceScope {
	workspaceId: string;
	workspaceName: string;
	roles: readonly Role[];
	/** The acting user; for an API token, the user who created it. */
	userId: string;
	/** The acting membership, or null for an API token. */
	membershipId: string | null;
	via: 'session' | 'token';
}

export function hasRole(scope: Pick<WorkspaceScope, 'roles'>, ...roles: Role[]): boolean {
	return roles.some((r) => scope.roles.includes(r));
}
