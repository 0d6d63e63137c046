import { ROLES, type Role } from './roles';

/**
 * What each role may do in a workspace: the single table every route's access
 * is checked against (through access/routes.ts). Later areas add their
 * permissions here.
 */
export const PERMISSIONS = {
	/** Open the workspace and its overview. */
	'workspace.view': ROLES,
	/** See the colleagues of the workspace (names, groups, absence). */
	'members.view': ROLES,
	/** Invite, change roles, groups and absence, remove members. */
	'members.manage': ['owner'],
	/** Create, rename and delete groups (departments). */
	'groups.manage': ['owner'],
	/** Create and revoke workspace API tokens. */
	'tokens.manage': ['owner'],
	/** See processes and their draft diagrams (AS IS, TO BE, revisions, compare). */
	'processes.view': ['owner', 'analyst'],
	/** Create processes, save, import and restore diagrams. */
	'processes.edit': ['owner', 'analyst'],
	/** Publish a TO BE revision as the version its pipeline runs. */
	'processes.publish': ['owner', 'analyst'],
	/** Work CRM records, their links, comments, duplicates and tasks; employees see only their own records (the CRM's scope filters). */
	'crm.records': ROLES,
	/** Configure the CRM: entity types, fields and their options, CRM settings. */
	'crm.configure': ['owner', 'analyst']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function allows(roles: readonly Role[], permission: Permission): boolean {
	const allowed: readonly Role[] = PERMISSIONS[permission];
	return roles.some((r) => allowed.includes(r));
}
