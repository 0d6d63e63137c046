import { describe, expect, it } from 'vitest';
import { routeAccess } from '$lib/server/access/routes';
import { allows, PERMISSIONS } from '$lib/server/access/permissions';

describe('route access table', () => {
	it('finds a named form action, and the default action when none is named', () => {
		expect(routeAccess('POST', '/w/[ws]/settings/members', '?/invite')).toEqual({ permission: 'members.manage' });
		expect(routeAccess('POST', '/login', '')).toBe('public');
		expect(routeAccess('POST', '/login', '?next=/x')).toBe('public');
	});

	it('treats HEAD as GET and refuses what is not declared', () => {
		expect(routeAccess('HEAD', '/login', '')).toBe('public');
		expect(routeAccess('POST', '/w/[ws]/settings/members', '?/dropDatabase')).toBeUndefined();
		expect(routeAccess('PUT', '/api/v1/me', '')).toBeUndefined();
	});

	it('lets only owners manage members, and every role see the workspace', () => {
		expect(allows(['analyst', 'manager'], 'members.manage')).toBe(false);
		expect(allows(['analyst', 'owner'], 'members.manage')).toBe(true);
		for (const role of PERMISSIONS['workspace.view']) expect(allows([role], 'workspace.view')).toBe(true);
	});
});
