import { redirect } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, readForm } from '$lib/server/forms';
import { createProcess, listProcesses, processInputSchema } from '$lib/server/processes/processes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return { processes: await listProcesses(locals.db, scope) };
};

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		// «Свой тип»: the entity type is the name typed beside it.
		const entityType = form.entityType === 'custom' ? form.customType : form.entityType;
		const result = await formAction(
			locals.locale,
			async () => ({ id: await createProcess(locals.db, scope, processInputSchema.parse({ ...form, entityType })) }),
			form
		);
		if ('id' in result) redirect(303, `/w/${scope.workspaceId}/processes/${result.id}`);
		return result;
	}
};
