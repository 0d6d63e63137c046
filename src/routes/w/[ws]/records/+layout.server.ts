import { workspaceScope } from '$lib/server/access/guards';
import { listEntityTypes } from '$lib/server/crm/entity-types';
import { timeZoneOf } from '$lib/server/crm/views/time-zone';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, cookies }) => {
	const scope = workspaceScope({ locals, params });
	return { entityTypes: await listEntityTypes(locals.db, scope), timeZone: timeZoneOf(cookies) };
};
