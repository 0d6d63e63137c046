import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, readForm } from '$lib/server/forms';
import { listGroups } from '$lib/server/workspaces/groups';
import {
	createInvitation,
	invitationInputSchema,
	listPendingInvitations,
	revokeInvitation
} from '$lib/server/workspaces/invitations';
import { listMembers, memberUpdateSchema, removeMember, updateMember } from '$lib/server/workspaces/members';
import type { Actions, PageServerLoad } from './$types';

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const idSchema = z.object({ id: z.string().min(1, 'required') });

export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const [members, groups, invitations] = await Promise.all([
		listMembers(locals.db, scope),
		listGroups(locals.db, scope),
		listPendingInvitations(locals.db, scope)
	]);
	return { members, groups, invitations, me: scope.membershipId };
};

export const actions: Actions = {
	invite: async ({ request, locals, url, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const input = invitationInputSchema.parse({
				roles: asArray(form.roles),
				groupIds: asArray(form.groupIds),
				note: form.note || undefined
			});
			const created = await createInvitation(locals.db, scope, input);
			return { invited: { url: `${url.origin}${created.path}`, expiresAt: created.expiresAt } };
		});
	},
	revokeInvite: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			await revokeInvitation(locals.db, scope, idSchema.parse(form).id);
			return { revoked: true };
		});
	},
	update: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const { id } = idSchema.parse(form);
			const change = memberUpdateSchema.parse({
				roles: asArray(form.roles),
				groupIds: asArray(form.groupIds),
				absent: form.absent === 'on'
			});
			await updateMember(locals.db, scope, id, change);
			return { updated: id };
		});
	},
	remove: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			await removeMember(locals.db, scope, idSchema.parse(form).id);
			return { removed: true };
		});
	}
};
