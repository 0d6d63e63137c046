import { workspaceScope } from '$lib/server/access/guards';
import { allows } from '$lib/server/access/permissions';
import { pageData } from '$lib/server/forms';
import { blankDiagram } from '$lib/server/processes/blank-diagram';
import { getProcess, parseTrack } from '$lib/server/processes/processes';
import { getRevisionInfo } from '$lib/server/processes/revisions';
import type { PageServerLoad } from './$types';

/**
 * The editor opens the track's latest revision, or a blank diagram before the first save. A
 * revision's XML is not put into the page (a large diagram would make the HTML several times
 * longer to send, parse and hydrate): the page fetches it from the API, preloaded from its head.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const track = parseTrack(params.track);
		const process = await getProcess(locals.db, scope, params.id);
		const latest = await getRevisionInfo(locals.db, scope, params.id, track, 'latest');
		return {
			process: { id: process.id, name: process.name },
			track,
			canEdit: allows(scope.roles, 'processes.edit'),
			revision: latest && { number: latest.number, author: latest.author, createdAt: latest.createdAt },
			diagram: latest
				? { url: `/api/v1/w/${scope.workspaceId}/processes/${process.id}/tracks/${track}/revisions/${latest.number}.bpmn` }
				: { xml: blankDiagram(process.name) }
		};
	});
};
