import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { requestChanges, requestChangesInputSchema } from '$lib/server/review/decisions';
import { requestOrigin } from '$lib/server/review/request-origin';
import { reviewTrack } from '$lib/server/review/review-track';
import { parseRevisionNumber } from '$lib/server/review/visibility';
import type { RequestHandler } from './$types';

/** «Вернуть на доработку»: returns the revision to the analyst with a required comment. */
export const POST: RequestHandler = endpoint(async (event) => {
	const { locals, params, request } = event;
	const scope = workspaceScope({ locals, params });
	reviewTrack(params.track);
	const revision = parseRevisionNumber(params.rev);
	const input = await readJson(request, requestChangesInputSchema);
	const result = await requestChanges(locals.db, scope, params.id, revision, input, requestOrigin(event));
	return json(
		{ decision: { id: result.decisionId, decision: 'changes_requested', revision }, commentId: result.commentId, status: result.status },
		{ status: 201 }
	);
});
