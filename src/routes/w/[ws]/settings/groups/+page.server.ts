import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, readForm } from '$lib/server/forms';
import { createGroup, deleteGroup, groupNameSchema, listGroups, renameGroup } from '$lib/server/workspaces/groups';
import { listMembers } from '$lib/server/workspaces/members';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const [groups, members] = await Promise.all([listGroups(locals.db, scope), listMembers(locals.db, scope)]);
	return {
		groups: groups.map((g) => ({ ...g, members: members.filter((m) => m.groups.some((x) => x.id === g.id)).map((m) => m.name) }))
	};
};

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => ({ created: await createGroup(locals.db, scope, z.object({ name: groupNameSchema }).parse(form).name) }),
			form
		);
	},
	rename: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const input = z.object({ id: z.string().min(1), name: groupNameSchema }).parse(form);
			await renameGroup(locals.db, scope, input.id, input.name);
			return { renamed: input.id };
		});
	},
	delete: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			await deleteGroup(locals.db, scope, z.object({ id: z.string().min(1) }).parse(form).id);
			return { deleted: true };
		});
	}
};
