import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { UserError } from '$lib/server/errors';
import { setCommentResolved } from '$lib/server/review/comments';
import { reviewTrack } from '$lib/server/review/review-track';
import { parseRevisionNumber } from '$lib/server/review/visibility';
import type { RequestHandler } from './$types';

/** The body is optional here: an empty one resolves. */
async function optionalJson(request: Request): Promise<unknown> {
	const text = await request.text();
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		throw new UserError('validation', {}, [{ field: '(body)', message: 'invalid:expected a JSON body' }]);
	}
}

const bodySchema = z.object({ resolved: z.boolean().optional().default(true) });

/** Resolves the comment's thread; `{"resolved": false}` reopens it. */
export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const scope = workspaceScope({ locals, params });
	reviewTrack(params.track);
	const revision = parseRevisionNumber(params.rev);
	const { resolved } = bodySchema.parse(await optionalJson(request));
	return json(await setCommentResolved(locals.db, scope, params.id, revision, params.cid, resolved));
});
