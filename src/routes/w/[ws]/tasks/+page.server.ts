import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { fromLocalInput } from '$lib/components/crm/field-view';
import { requireEntityType } from '$lib/server/crm/entity-types';
import { loadFields } from '$lib/server/crm/fields';
import { loadRecord } from '$lib/server/crm/record-read';
import { readRecordForm } from '$lib/server/crm/views/record-form';
import { taskFilterSchema, taskPage } from '$lib/server/crm/views/task-page';
import { timeZoneOf } from '$lib/server/crm/views/time-zone';
import { addTaskComment } from '$lib/server/workflow/task-comments';
import { completeTaskAsPerson, createTaskAsPerson, getTask } from '$lib/server/workflow/work-tasks';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	const scope = workspaceScope({ locals, params });
	const filter = taskFilterSchema.parse(Object.fromEntries(url.searchParams));
	return { ...(await pageData(() => taskPage(locals.db, scope, filter))), filter, timeZone: timeZoneOf(cookies) };
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export const actions: Actions = {
	complete: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const taskId = text(form.taskId);
		const result = await formAction(locals.locale, async () => {
			const task = await getTask(locals.db, scope, z.string().min(1).parse(taskId));
			// A stage task brings the stage's fields: only what the person changed is saved.
			let fields: Record<string, unknown> | undefined;
			const recordId = task.records[0]?.id;
			if (task.fields.length > 0 && recordId) {
				const record = await loadRecord(locals.db.db, scope.workspaceId, recordId);
				if (record) {
					const type = await requireEntityType(locals.db.db, scope.workspaceId, record.type);
					fields = readRecordForm(await loadFields(locals.db.db, type.id), form, timeZoneOf(cookies), record).values;
				}
			}
			const done = await completeTaskAsPerson(locals.db, scope, task.id, { outcome: text(form.outcome) || undefined, result: text(form.result).trim() || undefined, fields });
			return { completed: done.title };
		});
		if ('completed' in result) return result;
		// The runtime names missing stage fields by key; inputs are `values.<key>`.
		const fields = Object.fromEntries(Object.entries(result.data.fields).map(([k, v]) => [/^(values\.|result$|outcome$|fields$)/.test(k) ? k : `values.${k}`, v]));
		return fail(result.status, { ...result.data, fields, taskId, posted: form });
	},
	comment: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const taskId = text(form.taskId);
		const result = await formAction(locals.locale, async () => {
			await addTaskComment(locals.db, scope, z.string().min(1).parse(taskId), { body: text(form.body), isResult: form.isResult === 'on' });
			return { commented: taskId };
		});
		if ('commented' in result) return result;
		return fail(result.status, { ...result.data, taskId, commenting: true, posted: form });
	},
	create: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				let deadline: Date | null = null;
				if (text(form.deadline)) {
					const iso = fromLocalInput(text(form.deadline), timeZoneOf(cookies));
					if (!iso) throw new z.ZodError([{ code: 'custom', path: ['deadline'], message: 'invalid_datetime', input: form.deadline }]);
					deadline = new Date(iso);
				}
				const task = await createTaskAsPerson(locals.db, scope, {
					title: text(form.title),
					deadline,
					responsibleId: text(form.responsibleId) || undefined,
					resultRequired: form.resultRequired === 'on',
					recordIds: text(form.record) ? [text(form.record)] : []
				});
				return { created: task.title };
			},
			form
		);
	}
};
