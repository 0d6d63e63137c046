import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint } from '$lib/server/api/respond';
import { UserError } from '$lib/server/errors';
import { publishBodySchema, publishJson } from '$lib/server/workflow/api';
import { publishProcess } from '$lib/server/workflow/publish';
import type { RequestHandler } from './$types';

/** Publishes the TO BE revision as a new version of the process's pipeline: 201, or 200 when it is current already. */
export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const text = await request.text();
	let raw: unknown = {};
	try {
		if (text.trim() !== '') raw = JSON.parse(text);
	} catch {
		throw new UserError('validation', {}, [{ field: '(body)', message: 'invalid:expected a JSON body' }]);
	}
	const body = publishBodySchema.parse(raw);
	const published = await publishProcess(locals.db, scope, params.id, body.revision, locals.locale);
	return json(publishJson(published), { status: published.created ? 201 : 200 });
});
