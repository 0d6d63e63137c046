import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { addComment } from '$lib/server/crm/comments';
import { requireEntityType } from '$lib/server/crm/entity-types';
import { loadFields } from '$lib/server/crm/fields';
import { linkRecords, unlinkRecords } from '$lib/server/crm/links';
import { getRecord } from '$lib/server/crm/records';
import { createTask } from '$lib/server/crm/tasks';
import { linkCandidates, recordCard } from '$lib/server/crm/views/record-card';
import { readRecordForm } from '$lib/server/crm/views/record-form';
import { fromLocalInput } from '$lib/components/crm/field-view';
import { timeZoneOf } from '$lib/server/crm/views/time-zone';
import { moveRecord } from '$lib/server/workflow/moves';
import { updateRecordInWorkflow } from '$lib/server/workflow/record-update';
import type { Actions, PageServerLoad } from './$types';

/**
 * A record's card. `?edit` opens the form; `?before=<entry>` pages the
 * timeline; `?linkType=&linkQ=` looks for records to link. A merged-away
 * record sends the person on to the record it was merged into.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const before = Number(url.searchParams.get('before')) || undefined;
	const card = await pageData(() => recordCard(locals.db, scope, params.id, { before }));
	const ws = scope.workspaceId;
	if (card.record.mergedInto) redirect(303, `/w/${ws}/records/${card.record.type}/${card.record.mergedInto}?mergedFrom=${encodeURIComponent(card.record.title)}`);
	if (card.record.type !== params.type) redirect(303, `/w/${ws}/records/${card.record.type}/${card.record.id}${url.search}`);
	const linkType = url.searchParams.get('linkType');
	const linkQ = url.searchParams.get('linkQ')?.trim() ?? '';
	const candidates = linkType && card.links.some((g) => g.type === linkType) ? await pageData(() => linkCandidates(locals.db, scope, params.id, linkType, linkQ)) : null;
	// `?move=<stage>&outcome=<key>`: the form for a move that needs fields first.
	const moveStage = url.searchParams.get('move');
	const move = moveStage ? (card.workflow.allowedMoves.find((m) => m.stage === moveStage && (m.outcome === (url.searchParams.get('outcome') ?? m.outcome))) ?? null) : null;
	return { ...card, editing: url.searchParams.has('edit'), move, link: { type: linkType, q: linkQ, candidates }, me: scope.userId };
};

const idSchema = z.object({ other: z.string().trim().min(1).max(64) });

export const actions: Actions = {
	update: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const result = await formAction(locals.locale, async () => {
			const record = await getRecord(locals.db, scope, params.id);
			const type = await requireEntityType(locals.db.db, scope.workspaceId, record.type);
			const input = readRecordForm(await loadFields(locals.db.db, type.id), form, timeZoneOf(cookies), { ...record, values: record.values });
			return { changed: await updateRecordInWorkflow(locals.db, scope, params.id, input) };
		});
		if (!('changed' in result)) return fail(result.status, { ...result.data, posted: form });
		redirect(303, `/w/${scope.workspaceId}/records/${params.type}/${params.id}${result.changed.length ? '?saved=1' : ''}`);
	},
	move: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const result = await formAction(locals.locale, async () => {
			const { stage, outcome } = z.object({ stage: z.string().min(1), outcome: z.string().optional() }).parse(form);
			const record = await getRecord(locals.db, scope, params.id);
			const type = await requireEntityType(locals.db.db, scope.workspaceId, record.type);
			const { values } = readRecordForm(await loadFields(locals.db.db, type.id), form, timeZoneOf(cookies), { ...record, values: record.values });
			return moveRecord(locals.db, scope, params.id, { stage, outcome: outcome || undefined, fields: values });
		});
		if ('allowedMoves' in result) redirect(303, `/w/${scope.workspaceId}/records/${params.type}/${params.id}?moved=${encodeURIComponent(result.stage ?? result.status)}`);
		// The runtime names missing fields by key; the form shows problems by input.
		const fields = Object.fromEntries(Object.entries(result.data.fields).map(([k, v]) => [/^(values\.|title$|responsibleId$|stage$|outcome$)/.test(k) ? k : `values.${k}`, v]));
		return fail(result.status, { ...result.data, fields, posted: form, moving: true });
	},
	comment: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				await addComment(locals.db, scope, params.id, z.object({ body: z.string() }).parse(form).body);
				return { commented: true };
			},
			form
		);
	},
	link: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const result = await formAction(locals.locale, async () => {
			await linkRecords(locals.db, scope, params.id, idSchema.parse(form).other);
			return { linked: true };
		});
		if ('linked' in result) redirect(303, `/w/${scope.workspaceId}/records/${params.type}/${params.id}`);
		return result;
	},
	unlink: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			await unlinkRecords(locals.db, scope, params.id, idSchema.parse(form).other);
			return { unlinked: true };
		});
	},
	task: async ({ request, locals, params, cookies }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				const input = z
					.object({
						title: z.string(),
						deadline: z.string().optional(),
						responsibleId: z.string().optional(),
						resultRequired: z.string().optional()
					})
					.parse(form);
				let deadline: Date | null = null;
				if (input.deadline) {
					const iso = fromLocalInput(input.deadline, timeZoneOf(cookies));
					if (!iso) throw new z.ZodError([{ code: 'custom', path: ['deadline'], message: 'invalid_datetime', input: input.deadline }]);
					deadline = new Date(iso);
				}
				await createTask(locals.db, scope, {
					title: input.title,
					deadline,
					responsibleId: input.responsibleId || undefined,
					resultRequired: input.resultRequired === 'on',
					recordIds: [params.id]
				});
				return { taskCreated: true };
			},
			form
		);
	}
};
