import { redirect } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { allows } from '$lib/server/access/permissions';
import { UserError } from '$lib/server/errors';
import { pageData } from '$lib/server/forms';
import { processSubmissions } from '$lib/server/review/submissions';
import { reviewableProcess } from '$lib/server/review/visibility';
import type { PageServerLoad } from './$types';

/**
 * The link to send a client: always opens the newest submitted revision of the process (an
 * analyst with nothing submitted yet goes to the submit page).
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const latest = await pageData(async () => {
		await reviewableProcess(locals.db, scope, params.id);
		const [newest] = await processSubmissions(locals.db.db, scope.workspaceId, params.id);
		if (!newest && !allows(scope.roles, 'reviews.submit')) throw new UserError('not_found');
		return newest?.revisionNumber ?? null;
	});
	const base = `/w/${scope.workspaceId}/processes/${params.id}/review`;
	redirect(303, latest === null ? `${base}/submit` : `${base}/${latest}`);
};
