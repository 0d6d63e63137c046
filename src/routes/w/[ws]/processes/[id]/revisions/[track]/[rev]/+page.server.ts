import { redirect } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { allows } from '$lib/server/access/permissions';
import { UserError } from '$lib/server/errors';
import { formAction, pageData } from '$lib/server/forms';
import { getProcess, parseTrack } from '$lib/server/processes/processes';
import { getRevision, restoreRevision } from '$lib/server/processes/revisions';
import { parseRevisionNumber } from '$lib/server/processes/revision-ref';
import type { Actions, PageServerLoad } from './$types';

/** One revision, read-only. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const track = parseTrack(params.track);
		const process = await getProcess(locals.db, scope, params.id);
		const revision = await getRevision(locals.db, scope, params.id, track, parseRevisionNumber(params.rev));
		if (!revision) throw new UserError('not_found');
		return {
			process: { id: process.id, name: process.name },
			track,
			latest: process.tracks[track].latest,
			canEdit: allows(scope.roles, 'processes.edit'),
			revision
		};
	});
};

export const actions: Actions = {
	/** «Восстановить»: the old diagram becomes the newest revision; then the editor opens it. */
	restore: async ({ locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const result = await formAction(locals.locale, async () => {
			const saved = await restoreRevision(locals.db, scope, params.id, parseTrack(params.track), parseRevisionNumber(params.rev));
			return { restored: saved.number };
		});
		if ('restored' in result) redirect(303, `/w/${scope.workspaceId}/processes/${params.id}/edit/${params.track}?restored=${result.restored}`);
		return result;
	}
};
