import { workspaceScope } from '$lib/server/access/guards';
import { hasRole } from '$lib/server/access/scope';
import { listPendingInvitations } from '$lib/server/workspaces/invitations';
import { listMembers } from '$lib/server/workspaces/members';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const members = await listMembers(locals.db, scope);
	return {
		memberCount: members.length,
		pendingInvites: hasRole(scope, 'owner') ? (await listPendingInvitations(locals.db, scope)).length : null
	};
};
