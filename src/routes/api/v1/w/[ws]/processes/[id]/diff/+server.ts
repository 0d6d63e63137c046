import { json } from '@sveltejs/kit';
import { diffDiagrams } from '$lib/diff';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { parseRevisionRef, resolveRevisionRef } from '$lib/server/processes/revision-ref';
import type { RequestHandler } from './$types';

/** What changed between two revisions (of one track or across AS IS and TO BE). */
export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const fromRef = parseRevisionRef(url.searchParams.get('from'), 'from');
	const toRef = parseRevisionRef(url.searchParams.get('to'), 'to');
	const [from, to] = await Promise.all([
		resolveRevisionRef(locals.db, scope, params.id, fromRef),
		resolveRevisionRef(locals.db, scope, params.id, toRef)
	]);
	const diff = await diffDiagrams(from.xml, to.xml, locals.locale);
	return json({
		from: { track: from.track, revision: from.number },
		to: { track: to.track, revision: to.number },
		...diff
	});
});
