import { workspaceScope } from '$lib/server/access/guards';
import { allows } from '$lib/server/access/permissions';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { listDuplicateGroups } from '$lib/server/crm/duplicates';
import { listEntityTypes, requireEntityType } from '$lib/server/crm/entity-types';
import { getCrmSettings, updateCrmSettings } from '$lib/server/crm/settings';
import { peopleOf } from '$lib/server/crm/views/people';
import { timeZoneOf } from '$lib/server/crm/views/time-zone';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, cookies }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const type = await requireEntityType(locals.db.db, scope.workspaceId, params.type);
		const [groups, types, settings, people] = await Promise.all([
			listDuplicateGroups(locals.db, scope, type.key),
			listEntityTypes(locals.db, scope),
			getCrmSettings(locals.db, scope),
			peopleOf(locals.db, scope)
		]);
		return {
			type,
			entityTypes: types,
			groups: groups.map((g) => ({ ...g, records: g.records.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) })),
			settings,
			canConfigure: allows(scope.roles, 'crm.configure'),
			people,
			timeZone: timeZoneOf(cookies)
		};
	});
};

export const actions: Actions = {
	settings: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => ({ settings: await updateCrmSettings(locals.db, scope, { autoMerge: form.autoMerge === 'on' }) }));
	}
};
