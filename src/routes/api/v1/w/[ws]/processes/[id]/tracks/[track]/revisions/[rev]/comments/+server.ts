import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { addComment, commentInputSchema, listComments } from '$lib/server/review/comments';
import { reviewTrack } from '$lib/server/review/review-track';
import { parseRevisionNumber } from '$lib/server/review/visibility';
import type { RequestHandler } from './$types';

/** The process's comment threads as seen from this revision (a removed element's comments say so). */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	reviewTrack(params.track);
	return json({ comments: await listComments(locals.db, scope, params.id, parseRevisionNumber(params.rev)) });
});

/** A comment on an element (`elementId`) or the whole process, or a reply (`parentId`); @mentions notify. */
export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const scope = workspaceScope({ locals, params });
	reviewTrack(params.track);
	const revision = parseRevisionNumber(params.rev);
	const input = await readJson(request, commentInputSchema);
	return json({ comment: await addComment(locals.db, scope, params.id, revision, input) }, { status: 201 });
});
