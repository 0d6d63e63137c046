import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { addComment, commentInputSchema, setCommentResolved } from '$lib/server/review/comments';
import { approveRevision, requestChanges } from '$lib/server/review/decisions';
import { savePicture } from '$lib/server/review/pictures';
import { requestOrigin } from '$lib/server/review/request-origin';
import { loadReviewPage } from '$lib/server/review/review-page';
import { parseRevisionNumber, reviewableRevision } from '$lib/server/review/visibility';
import type { Actions, PageServerLoad } from './$types';

/** The review of one submitted TO BE revision: diagram, specification, comments and the decision. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(() => loadReviewPage(locals.db, scope, params.id, parseRevisionNumber(params.rev), locals.locale));
};

const optional = (value: string | string[] | undefined) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export const actions: Actions = {
	comment: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				const input = commentInputSchema.parse({ text: form.text, elementId: optional(form.elementId), parentId: optional(form.parentId) });
				const comment = await addComment(locals.db, scope, params.id, parseRevisionNumber(params.rev), input);
				return { commented: comment.id };
			},
			form
		);
	},
	resolve: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const { commentId, resolved } = z.object({ commentId: z.string().min(1), resolved: z.enum(['true', 'false']) }).parse(form);
			return setCommentResolved(locals.db, scope, params.id, parseRevisionNumber(params.rev), commentId, resolved === 'true');
		});
	},
	approve: async (event) => {
		const { request, locals, params } = event;
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				const input = { signature: typeof form.signature === 'string' ? form.signature : '', consent: form.consent === 'on' || form.consent === 'true' };
				const result = await approveRevision(locals.db, scope, params.id, parseRevisionNumber(params.rev), input, requestOrigin(event));
				return { approved: result.status };
			},
			form
		);
	},
	requestChanges: async (event) => {
		const { request, locals, params } = event;
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				const input = { comment: typeof form.comment === 'string' ? form.comment : '', elementId: optional(form.elementId) };
				const result = await requestChanges(locals.db, scope, params.id, parseRevisionNumber(params.rev), input, requestOrigin(event));
				return { returned: result.status };
			},
			form
		);
	},
	/** The picture of the diagram for the documents, drawn by an analyst's browser when none is stored. */
	picture: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const revision = await reviewableRevision(locals.db, scope, params.id, 'to_be', parseRevisionNumber(params.rev));
			await savePicture(locals.db, scope, params.id, revision.sha256, { svg: String(form.svg ?? ''), ...(optional(form.png) ? { png: String(form.png) } : {}) });
			return { picture: true };
		});
	}
};
