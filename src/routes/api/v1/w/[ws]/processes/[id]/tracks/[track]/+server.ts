import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { parseTrack } from '$lib/server/processes/processes';
import { saveRevision } from '$lib/server/processes/revisions';
import { lintDiagram } from '$lib/server/processes/lint';
import { readXmlBody } from '$lib/server/processes/xml-body';
import type { RequestHandler } from './$types';

const querySchema = z.object({
	base: z.coerce.number().int().min(0).optional(),
	message: z.string().max(500).optional()
});

/** Saves the body as the track's next revision; `?base=` detects a concurrent save. */
export const PUT: RequestHandler = endpoint(async ({ request, locals, params, url }) => {
	const scope = workspaceScope({ locals, params });
	const track = parseTrack(params.track);
	const query = querySchema.parse(Object.fromEntries(url.searchParams));
	const xml = await readXmlBody(request);
	const saved = await saveRevision(locals.db, scope, params.id, track, xml, {
		...(query.base !== undefined ? { base: query.base } : {}),
		...(query.message ? { message: query.message } : {})
	});
	const lint = await lintDiagram(xml, locals.locale);
	return json({ revision: saved.number, sha256: saved.sha256, lint }, { status: 201 });
});
