import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { UserError } from '$lib/server/errors';
import { parseTrack } from '$lib/server/processes/processes';
import { getRevision } from '$lib/server/processes/revisions';
import { parseRevisionNumber } from '$lib/server/processes/revision-ref';
import type { RequestHandler } from './$types';

/** The revision's XML exactly as stored, `latest` for the newest. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const which = params.rev === 'latest' ? 'latest' : parseRevisionNumber(params.rev);
	const track = parseTrack(params.track);
	const revision = await getRevision(locals.db, workspaceScope({ locals, params }), params.id, track, which);
	if (!revision) throw new UserError('not_found');
	return new Response(revision.xml, {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'content-disposition': `attachment; filename="${track}-${revision.number}.bpmn"`,
			etag: `"${revision.sha256}"`,
			'x-potok-revision': String(revision.number)
		}
	});
});
