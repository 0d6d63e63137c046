import { workspaceScope } from '$lib/server/access/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return { workspace: { id: scope.workspaceId, name: scope.workspaceName, roles: scope.roles } };
};
