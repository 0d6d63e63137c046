import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { parseTrack } from '$lib/server/processes/processes';
import { reviewSpec } from '$lib/server/review/review-spec';
import { specResponse } from '$lib/server/review/spec-files';
import { parseRevisionNumber } from '$lib/server/review/visibility';
import type { RequestHandler } from './$types';

/** The specification (ТЗ) of the revision as a PDF file. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const spec = await reviewSpec(locals.db, scope, params.id, parseTrack(params.track), parseRevisionNumber(params.rev), locals.locale);
	return specResponse(spec, 'pdf');
});
