import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { requireEntityType } from '$lib/server/crm/entity-types';
import { loadFields } from '$lib/server/crm/fields';
import { getRecord } from '$lib/server/crm/records';
import { kanbanBoard, kanbanFilterSchema } from '$lib/server/crm/views/kanban';
import { readRecordForm } from '$lib/server/crm/views/record-form';
import { timeZoneOf } from '$lib/server/crm/views/time-zone';
import { listPipelines } from '$lib/server/workflow/pipelines';
import { moveRecord } from '$lib/server/workflow/moves';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	const scope = workspaceScope({ locals, params });
	const filter = kanbanFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [board, pipelines] = await Promise.all([pageData(() => kanbanBoard(locals.db, scope, params.pipeline, filter)), listPipelines(locals.db, scope)]);
	return { ...board, filter, pipelines: pipelines.map((p) => ({ key: p.key, name: p.name })), timeZone: timeZoneOf(cookies) };
};

export const actions: Actions = {
	/** A card dropped on a column (or moved from its menu), with the fields the move needs when it needs any. */
	move: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const recordId = typeof form.id === 'string' ? form.id : '';
		const result = await formAction(locals.locale, async () => {
			const { id, stage, outcome } = z.object({ id: z.string().min(1), stage: z.string().min(1), outcome: z.string().optional() }).parse(form);
			const record = await getRecord(locals.db, scope, id);
			const type = await requireEntityType(locals.db.db, scope.workspaceId, record.type);
			const { values } = readRecordForm(await loadFields(locals.db.db, type.id), form, timeZoneOf(cookies), record);
			const moved = await moveRecord(locals.db, scope, id, { stage, outcome: outcome || undefined, fields: values });
			return { moved: { id, title: record.title, stage: moved.stage ?? moved.status } };
		});
		if ('moved' in result) return result;
		// The runtime names missing fields by key; the dialog's inputs are `values.<key>`.
		const fields = Object.fromEntries(Object.entries(result.data.fields).map(([k, v]) => [/^(values\.|id$|stage$|outcome$)/.test(k) ? k : `values.${k}`, v]));
		return fail(result.status, { ...result.data, fields, recordId, posted: form });
	}
};
