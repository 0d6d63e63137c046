import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { lintDiagram } from '$lib/server/processes/lint';
import { readXmlBody } from '$lib/server/processes/xml-body';
import type { RequestHandler } from './$types';

/** Lints a diagram without storing it: the problems, in the caller's language. */
export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	workspaceScope({ locals, params });
	const xml = await readXmlBody(request);
	return json({ problems: await lintDiagram(xml, locals.locale) });
});
