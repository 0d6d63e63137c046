import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { mergePreview } from '$lib/server/crm/views/merge-preview';
import { mergeRecordsInWorkflow } from '$lib/server/workflow/record-update';
import type { Actions, PageServerLoad } from './$types';

/** `?with=<id>,<id>`: the duplicates to merge into this record. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const others = (url.searchParams.get('with') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	return pageData(() => mergePreview(locals.db, scope, params.id, others));
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const result = await formAction(locals.locale, async () => {
			const from = z.array(z.string().min(1)).parse([form.from ?? []].flat());
			// Only the choices the person changed: left as shown, the merge keeps the survivor's value (or the first filled
			// one), and a name built from the person's name fields follows the merged names.
			const values = Object.fromEntries(
				Object.entries(form)
					.filter(([k, v]) => k.startsWith('choice.') && typeof v === 'string' && form[`default.${k.slice('choice.'.length)}`] !== v)
					.map(([k, v]) => [k.slice('choice.'.length), v as string])
			);
			return mergeRecordsInWorkflow(locals.db, scope, params.id, { from, values });
		});
		if (!('changed' in result)) return fail(result.status, result.data);
		redirect(303, `/w/${scope.workspaceId}/records/${params.type}/${params.id}?merged=1`);
	}
};
