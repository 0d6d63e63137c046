import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { getProcess } from '$lib/server/processes/processes';
import { getRevision } from '$lib/server/processes/revisions';
import { lintDiagram } from '$lib/server/processes/lint';
import { workspaceApprovers } from '$lib/server/review/approvers';
import { isShaApproved, processSubmissions, submitForReview } from '$lib/server/review/submissions';
import type { Actions, PageServerLoad } from './$types';

/** «Отправить на согласование»: the latest TO BE revision, who gets it, and the message. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const process = await getProcess(locals.db, scope, params.id);
		const toBe = await getRevision(locals.db, scope, params.id, 'to_be', 'latest');
		const asIs = process.tracks.as_is.latest;
		const approvers = await workspaceApprovers(locals.db.db, scope.workspaceId);
		if (!toBe) return { process: { id: process.id, name: process.name }, revision: null, asIs, approvers, lintErrors: 0, approved: false, open: null };
		const lint = await lintDiagram(toBe.xml, locals.locale).catch(() => []);
		const [latest] = await processSubmissions(locals.db.db, scope.workspaceId, params.id);
		return {
			process: { id: process.id, name: process.name },
			revision: { number: toBe.number, xml: toBe.xml, sha256: toBe.sha256, author: toBe.author, createdAt: toBe.createdAt, message: toBe.message },
			asIs,
			approvers,
			lintErrors: lint.filter((p) => p.category === 'error').length,
			approved: await isShaApproved(locals.db.db, params.id, toBe.sha256),
			open: latest && latest.status === 'open' ? latest.revisionNumber : null
		};
	});
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const result = await formAction(
			locals.locale,
			async () => {
				const { revision } = z.object({ revision: z.coerce.number().int().min(1, 'required') }).parse(form);
				const svg = typeof form.svg === 'string' && form.svg.trim() !== '' ? form.svg : undefined;
				const png = typeof form.png === 'string' && form.png.trim() !== '' ? form.png : undefined;
				const submission = await submitForReview(
					locals.db,
					scope,
					params.id,
					revision,
					{ message: typeof form.message === 'string' ? form.message : '', withAsIs: form.withAsIs === 'on' },
					svg ? { svg, ...(png ? { png } : {}) } : undefined
				);
				return { revision, status: submission.status };
			},
			{ message: form.message }
		);
		if ('revision' in result) redirect(303, `/w/${scope.workspaceId}/processes/${params.id}/review/${result.revision}?submitted=${result.status}`);
		return result;
	}
};
