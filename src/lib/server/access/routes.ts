import type { Permission } from './permissions';

/**
 * Access of every route, in one place. The access hook looks each request up
 * here by method and SvelteKit route id (form actions as `POST <route>?/<action>`);
 * a route that is not listed is refused, so a new route cannot be reachable by
 * accident. Workspace routes (under `[ws]`) also require membership of that
 * workspace, which the hook checks before the permission.
 *
 * - `public`: anyone;
 * - `user`: a logged-in person (session cookie);
 * - a permission: a member of the route's workspace whose roles allow it
 *   (a session, or under /api/v1 a bearer token of that workspace).
 */
export type RouteAccess = 'public' | 'user' | { permission: Permission };

const p = (permission: Permission): RouteAccess => ({ permission });

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
	'GET /': 'user',
	'GET /login': 'public',
	'POST /login?/default': 'public',
	'GET /signup': 'public',
	'POST /signup?/default': 'public',
	'GET /logout': 'public',
	'POST /logout?/default': 'user',
	'GET /locale': 'public',
	'POST /locale?/default': 'public',
	'GET /invite/[token]': 'public',
	'POST /invite/[token]?/accept': 'user',
	'GET /account': 'user',
	'POST /account?/locale': 'user',
	'POST /account?/revokeOthers': 'user',
	'POST /account?/password': 'user',
	'GET /workspaces/new': 'user',
	'POST /workspaces/new?/default': 'user',

	'GET /w/[ws]': p('workspace.view'),
	'GET /w/[ws]/settings': p('members.manage'),
	'GET /w/[ws]/settings/members': p('members.manage'),
	'POST /w/[ws]/settings/members?/invite': p('members.manage'),
	'POST /w/[ws]/settings/members?/revokeInvite': p('members.manage'),
	'POST /w/[ws]/settings/members?/update': p('members.manage'),
	'POST /w/[ws]/settings/members?/remove': p('members.manage'),
	'GET /w/[ws]/settings/groups': p('groups.manage'),
	'POST /w/[ws]/settings/groups?/create': p('groups.manage'),
	'POST /w/[ws]/settings/groups?/rename': p('groups.manage'),
	'POST /w/[ws]/settings/groups?/delete': p('groups.manage'),
	'GET /w/[ws]/settings/tokens': p('tokens.manage'),
	'POST /w/[ws]/settings/tokens?/create': p('tokens.manage'),
	'POST /w/[ws]/settings/tokens?/revoke': p('tokens.manage'),
	'GET /w/[ws]/processes': p('processes.view'),
	'POST /w/[ws]/processes?/create': p('processes.edit'),
	'GET /w/[ws]/processes/[id]': p('processes.view'),
	'POST /w/[ws]/processes/[id]?/update': p('processes.edit'),
	'POST /w/[ws]/processes/[id]?/copyToBe': p('processes.edit'),
	'GET /w/[ws]/processes/[id]/edit/[track]': p('processes.view'),
	'GET /w/[ws]/processes/[id]/revisions/[track]': p('processes.view'),
	'GET /w/[ws]/processes/[id]/revisions/[track]/[rev]': p('processes.view'),
	'POST /w/[ws]/processes/[id]/revisions/[track]/[rev]?/restore': p('processes.edit'),
	'GET /w/[ws]/processes/[id]/compare': p('processes.view'),
	'POST /w/[ws]/processes/[id]?/publish': p('processes.publish'),
	'GET /w/[ws]/reviews': p('reviews.view'),
	'POST /w/[ws]/reviews?/read': p('reviews.view'),
	'GET /w/[ws]/reviews/settings': p('reviews.configure'),
	'POST /w/[ws]/reviews/settings?/save': p('reviews.configure'),
	'GET /w/[ws]/processes/[id]/review': p('reviews.view'),
	'GET /w/[ws]/processes/[id]/review/submit': p('reviews.submit'),
	'POST /w/[ws]/processes/[id]/review/submit?/default': p('reviews.submit'),
	'GET /w/[ws]/processes/[id]/review/[rev]': p('reviews.view'),
	'POST /w/[ws]/processes/[id]/review/[rev]?/comment': p('reviews.comment'),
	'POST /w/[ws]/processes/[id]/review/[rev]?/resolve': p('reviews.comment'),
	'POST /w/[ws]/processes/[id]/review/[rev]?/approve': p('reviews.decide'),
	'POST /w/[ws]/processes/[id]/review/[rev]?/requestChanges': p('reviews.decide'),
	'POST /w/[ws]/processes/[id]/review/[rev]?/picture': p('reviews.submit'),

	'GET /w/[ws]/records': p('crm.records'),
	'GET /w/[ws]/records/[type]': p('crm.records'),
	'POST /w/[ws]/records/[type]?/columns': p('crm.records'),
	'GET /w/[ws]/records/[type]/new': p('crm.records'),
	'POST /w/[ws]/records/[type]/new?/default': p('crm.records'),
	'GET /w/[ws]/records/[type]/[id]': p('crm.records'),
	'POST /w/[ws]/records/[type]/[id]?/update': p('crm.records'),
	'POST /w/[ws]/records/[type]/[id]?/move': p('crm.records'),
	'POST /w/[ws]/records/[type]/[id]?/comment': p('crm.records'),
	'POST /w/[ws]/records/[type]/[id]?/link': p('crm.records'),
	'POST /w/[ws]/records/[type]/[id]?/unlink': p('crm.records'),
	'POST /w/[ws]/records/[type]/[id]?/task': p('crm.records'),
	'GET /w/[ws]/records/[type]/[id]/merge': p('crm.records'),
	'POST /w/[ws]/records/[type]/[id]/merge?/default': p('crm.records'),
	'GET /w/[ws]/duplicates/[type]': p('crm.records'),
	'POST /w/[ws]/duplicates/[type]?/settings': p('crm.configure'),
	'GET /w/[ws]/kanban': p('crm.records'),
	'GET /w/[ws]/kanban/[pipeline]': p('crm.records'),
	'POST /w/[ws]/kanban/[pipeline]?/move': p('crm.records'),
	'GET /w/[ws]/tasks': p('crm.records'),
	'POST /w/[ws]/tasks?/complete': p('crm.records'),
	'POST /w/[ws]/tasks?/comment': p('crm.records'),
	'POST /w/[ws]/tasks?/create': p('crm.records'),
	'GET /w/[ws]/reports': p('reports.view'),
	'GET /w/[ws]/reports/records': p('reports.view'),
	'GET /w/[ws]/reports/heatmap': p('reports.view'),
	'GET /w/[ws]/reports/managers': p('reports.view'),
	'GET /w/[ws]/reports/managers/[user]': p('reports.view'),
	'GET /w/[ws]/settings/fields': p('crm.configure'),
	'GET /w/[ws]/settings/fields/[type]': p('crm.configure'),
	'POST /w/[ws]/settings/fields/[type]?/create': p('crm.configure'),
	'POST /w/[ws]/settings/fields/[type]?/update': p('crm.configure'),
	'POST /w/[ws]/settings/fields/[type]?/move': p('crm.configure'),
	'POST /w/[ws]/settings/fields/[type]?/remove': p('crm.configure'),
	'POST /w/[ws]/settings/fields/[type]?/createType': p('crm.configure'),

	'GET /api/v1/openapi.json': 'public',
	'POST /api/v1/session': 'public',
	'DELETE /api/v1/session': 'user',
	'GET /api/v1/me': 'user',
	'POST /api/v1/workspaces': 'user',
	'GET /api/v1/w/[ws]/members': p('members.view'),
	'POST /api/v1/w/[ws]/members': p('members.manage'),
	'PATCH /api/v1/w/[ws]/members/[member]': p('members.manage'),
	'DELETE /api/v1/w/[ws]/members/[member]': p('members.manage'),
	'GET /api/v1/w/[ws]/processes': p('processes.view'),
	'POST /api/v1/w/[ws]/processes': p('processes.edit'),
	'GET /api/v1/w/[ws]/processes/[id]': p('processes.view'),
	'PUT /api/v1/w/[ws]/processes/[id]/tracks/[track]': p('processes.edit'),
	'GET /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions': p('processes.view'),
	'GET /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev].bpmn': p('processes.view'),
	'POST /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/submit': p('reviews.submit'),
	'GET /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/review': p('reviews.view'),
	'GET /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/comments': p('reviews.view'),
	'POST /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/comments': p('reviews.comment'),
	'POST /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/comments/[cid]/resolve': p('reviews.comment'),
	'POST /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/approve': p('reviews.decide'),
	'POST /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/request-changes': p('reviews.decide'),
	'GET /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/spec.html': p('reviews.view'),
	'GET /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/spec.pdf': p('reviews.view'),
	'GET /api/v1/w/[ws]/processes/[id]/tracks/[track]/revisions/[rev]/spec.docx': p('reviews.view'),
	'GET /api/v1/w/[ws]/processes/[id]/diff': p('processes.view'),
	'POST /api/v1/w/[ws]/lint': p('processes.view'),
	'POST /api/v1/w/[ws]/processes/[id]/publish': p('processes.publish'),
	'GET /api/v1/w/[ws]/pipelines': p('crm.records'),
	'POST /api/v1/w/[ws]/records/[id]/move': p('crm.records'),
	'GET /api/v1/w/[ws]/tasks': p('crm.records'),
	'POST /api/v1/w/[ws]/tasks': p('crm.records'),
	'POST /api/v1/w/[ws]/tasks/[id]/complete': p('crm.records'),
	'GET /api/v1/w/[ws]/fields/[entityType]': p('crm.records'),
	'POST /api/v1/w/[ws]/fields/[entityType]': p('crm.configure'),
	'GET /api/v1/w/[ws]/records': p('crm.records'),
	'POST /api/v1/w/[ws]/records': p('crm.records'),
	'GET /api/v1/w/[ws]/records/[id]': p('crm.records'),
	'PATCH /api/v1/w/[ws]/records/[id]': p('crm.records'),
	'GET /api/v1/w/[ws]/records/[id]/duplicates': p('crm.records'),
	'POST /api/v1/w/[ws]/records/[id]/merge': p('crm.records'),
	'GET /api/v1/w/[ws]/reports/funnel': p('reports.view'),
	'GET /api/v1/w/[ws]/reports/stage-times': p('reports.view'),
	'GET /api/v1/w/[ws]/reports/heatmap': p('reports.view'),
	'GET /api/v1/w/[ws]/reports/managers': p('reports.view')
};

/** The access rule for a request, or undefined when the route is not declared. */
export function routeAccess(method: string, routeId: string, search: string): RouteAccess | undefined {
	const verb = method === 'HEAD' ? 'GET' : method;
	if (verb === 'POST' && !routeId.startsWith('/api/')) {
		// A form action: `?/name`, or the default action when no name is given.
		const name = [...new URLSearchParams(search).keys()].find((k) => k.startsWith('/'));
		return ROUTE_ACCESS[`POST ${routeId}?${name ?? '/default'}`];
	}
	return ROUTE_ACCESS[`${verb} ${routeId}`];
}
