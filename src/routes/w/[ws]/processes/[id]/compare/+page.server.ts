import { workspaceScope } from '$lib/server/access/guards';
import { pageData } from '$lib/server/forms';
import { getProcess } from '$lib/server/processes/processes';
import { listRevisions } from '$lib/server/processes/revisions';
import { parseRevisionRef, resolveRevisionRef } from '$lib/server/processes/revision-ref';
import type { PageServerLoad } from './$types';

/** Two revisions side by side: `?from=as_is:latest&to=to_be:latest` by default. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const process = await getProcess(locals.db, scope, params.id);
		const [asIs, toBe] = await Promise.all([
			listRevisions(locals.db, scope, params.id, 'as_is'),
			listRevisions(locals.db, scope, params.id, 'to_be')
		]);
		const options = [...asIs, ...toBe].map((r) => ({ value: `${r.track}:${r.number}`, track: r.track, number: r.number, message: r.message }));
		const defaultFrom = asIs.length ? 'as_is:latest' : toBe.length > 1 ? `to_be:${toBe[1]!.number}` : null;
		const defaultTo = toBe.length ? 'to_be:latest' : asIs.length > 1 ? 'as_is:latest' : null;
		const fromParam = url.searchParams.get('from') ?? defaultFrom;
		const toParam = url.searchParams.get('to') ?? defaultTo;
		if (!fromParam || !toParam) return { process: { id: process.id, name: process.name }, options, compare: null };
		const [from, to] = await Promise.all([
			resolveRevisionRef(locals.db, scope, params.id, parseRevisionRef(fromParam, 'from')),
			resolveRevisionRef(locals.db, scope, params.id, parseRevisionRef(toParam, 'to'))
		]);
		const side = (r: typeof from) => ({ value: `${r.track}:${r.number}`, track: r.track, number: r.number, xml: r.xml, author: r.author, createdAt: r.createdAt });
		return { process: { id: process.id, name: process.name }, options, compare: { from: side(from), to: side(to) } };
	});
};
