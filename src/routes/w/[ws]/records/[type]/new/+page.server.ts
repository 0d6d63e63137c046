import { fail, redirect } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { requireEntityType } from '$lib/server/crm/entity-types';
import { loadFields } from '$lib/server/crm/fields';
import { getRecord } from '$lib/server/crm/records';
import { fieldViews } from '$lib/server/crm/views/field-views';
import { peopleOf } from '$lib/server/crm/views/people';
import { readRecordForm } from '$lib/server/crm/views/record-form';
import { timeZoneOf } from '$lib/server/crm/views/time-zone';
import { listPipelines } from '$lib/server/workflow/pipelines';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import type { Actions, PageServerLoad } from './$types';

/** `?link=<id>`: the record the new one will be linked to (a deal's new contact); the card it came from. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const type = await requireEntityType(locals.db.db, scope.workspaceId, params.type);
		const linkId = url.searchParams.get('link');
		const linkTo = linkId ? await getRecord(locals.db, scope, linkId) : null;
		return {
			type,
			fields: fieldViews(await loadFields(locals.db.db, type.id)),
			people: await peopleOf(locals.db, scope),
			me: scope.userId,
			pipelines: (await listPipelines(locals.db, scope, type.key)).map((p) => ({ key: p.key, name: p.name, firstStage: p.stages[0]?.label ?? null })),
			linkTo: linkTo && { id: linkTo.id, type: linkTo.type, title: linkTo.title }
		};
	});
};

export const actions: Actions = {
	default: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const link = typeof form.link === 'string' && form.link ? form.link : null;
		const result = await formAction(locals.locale, async () => {
			const type = await requireEntityType(locals.db.db, scope.workspaceId, params.type);
			const input = readRecordForm(await loadFields(locals.db.db, type.id), form, timeZoneOf(cookies));
			return createRecordInPipeline(locals.db, scope, { type: type.key, ...input, pipeline: typeof form.pipeline === 'string' && form.pipeline ? form.pipeline : undefined, links: link ? [link] : [] });
		});
		if (!('id' in result)) return fail(result.status, { ...result.data, posted: form });
		const ws = scope.workspaceId;
		if (result.mergedInto) redirect(303, `/w/${ws}/records/${params.type}/${result.mergedInto}?autoMerged=1`);
		if (link && form.back === '1') {
			const back = await getRecord(locals.db, scope, link);
			redirect(303, `/w/${ws}/records/${back.type}/${back.id}`);
		}
		redirect(303, `/w/${ws}/records/${params.type}/${result.id}?created=1`);
	}
};
