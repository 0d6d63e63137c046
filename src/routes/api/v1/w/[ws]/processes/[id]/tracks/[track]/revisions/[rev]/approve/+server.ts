import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { approveRevision } from '$lib/server/review/decisions';
import { requestOrigin } from '$lib/server/review/request-origin';
import { reviewTrack } from '$lib/server/review/review-track';
import { parseRevisionNumber } from '$lib/server/review/visibility';
import type { RequestHandler } from './$types';

/** Calling this endpoint is the approver's consent; `consent: false` refuses it like the unticked box. */
const bodySchema = z.object({ signature: z.string(), consent: z.boolean().optional().default(true) });

/** «Согласовать»: the approver signs the revision's exact XML (approvers only, with a session). */
export const POST: RequestHandler = endpoint(async (event) => {
	const { locals, params, request } = event;
	const scope = workspaceScope({ locals, params });
	reviewTrack(params.track);
	const revision = parseRevisionNumber(params.rev);
	const input = await readJson(request, bodySchema);
	const result = await approveRevision(locals.db, scope, params.id, revision, input, requestOrigin(event));
	return json({ decision: { id: result.decisionId, decision: 'approved', revision }, status: result.status }, { status: 201 });
});
