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
	/** Open «На согласовании» and the reviews of submitted revisions; approvers see only processes submitted for review. */
	'reviews.view': ['owner', 'analyst', 'approver'],
	/** Comment on a submitted revision's elements or the whole process, reply, resolve and reopen. */
	'reviews.comment': ['owner', 'analyst', 'approver'],
	/** Submit a TO BE revision for approval. */
	'reviews.submit': ['owner', 'analyst'],
	/** Approve a submitted revision with a signature, or return it for changes. */
	'reviews.decide': ['approver'],
	/** Choose how approval works: any one approver or all, publish only approved revisions. */
	'reviews.configure': ['owner'],
	/** See processes and their draft diagrams (AS IS, TO BE, revisions, compare). */
	'processes.view': ['owner', 'analyst'],
	/** Create processes, save, import and restore diagrams. */
	'processes.edit': ['owner', 'analyst'],
	/** Publish a TO BE revision as the version its pipeline runs. */
	'processes.publish': ['owner', 'analyst'],
	/** Work CRM records, their links, comments, duplicates and tasks; employees see only their own records (the CRM's scope filters). */
	'crm.records': ROLES,
	/** Read the reports (funnel, time in stage, heatmap, manager control) and download them; employees get only their own numbers (reports/common.ts). */
	'reports.view': ['owner', 'manager', 'analyst', 'employee'],
	/** Configure the CRM: entity types, fields and their options, CRM settings. */
	'crm.configure': ['owner', 'analyst']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function allows(roles: readonly Role[], permission: Permission): boolean {
	const allowed: readonly Role[] = PERMISSIONS[permission];
	return roles.some((r) => allowed.includes(r));
}
