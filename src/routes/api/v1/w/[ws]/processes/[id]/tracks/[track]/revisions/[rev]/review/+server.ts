import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { revisionReview } from '$lib/server/review/revision-review';
import { reviewTrack } from '$lib/server/review/review-track';
import { parseRevisionNumber } from '$lib/server/review/visibility';
import type { RequestHandler } from './$types';

/** Where the revision's review stands: submission, decisions, approvals of its exact XML, approvers. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	reviewTrack(params.track);
	const { process, can, ...review } = await revisionReview(locals.db, scope, params.id, parseRevisionNumber(params.rev));
	return json({ process: { id: process.id, name: process.name }, ...review, can });
});
