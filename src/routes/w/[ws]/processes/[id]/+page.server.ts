import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { getProcess, processInputSchema, updateProcess } from '$lib/server/processes/processes';
import { copyAsIsToToBe } from '$lib/server/processes/revisions';
import { publishedPipeline } from '$lib/server/workflow/pipelines';
import { publishProcess } from '$lib/server/workflow/publish';
import { allows } from '$lib/server/access/permissions';
import { processReviewSummary } from '$lib/server/review/review-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const process = await pageData(() => getProcess(locals.db, scope, params.id));
	return {
		process,
		review: { ...(await processReviewSummary(locals.db, scope, params.id)), canSubmit: allows(scope.roles, 'reviews.submit') },
		published: await publishedPipeline(locals.db, scope, params.id)
	};
};

export const actions: Actions = {
	publish: async ({ locals, params }) => {
		const scope = workspaceScope({ locals, params });
		return formAction(locals.locale, async () => ({ published: await publishProcess(locals.db, scope, params.id, undefined, locals.locale) }));
	},
	update: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				await updateProcess(locals.db, scope, params.id, processInputSchema.parse(form));
				return { updated: true };
			},
			form
		);
	},
	copyToBe: async ({ locals, params }) => {
		const scope = workspaceScope({ locals, params });
		return formAction(locals.locale, async () => {
			// Only onto an empty TO BE: base 0 refuses if someone saved one meanwhile.
			const saved = await copyAsIsToToBe(locals.db, scope, params.id, 0);
			return { copied: saved.number };
		});
	}
};
