import { workspaceScope } from '$lib/server/access/guards';
import { pageData } from '$lib/server/forms';
import { getProcess, parseTrack } from '$lib/server/processes/processes';
import { listRevisions } from '$lib/server/processes/revisions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const track = parseTrack(params.track);
		const process = await getProcess(locals.db, scope, params.id);
		return { process: { id: process.id, name: process.name }, track, revisions: await listRevisions(locals.db, scope, params.id, track) };
	});
};
