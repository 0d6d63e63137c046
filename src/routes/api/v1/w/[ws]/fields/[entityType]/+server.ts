import { json } from '@sveltejs/kit';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { requireEntityType } from '$lib/server/crm/entity-types';
import { createField, fieldInputSchema, listFields } from '$lib/server/crm/fields';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const type = await requireEntityType(locals.db.db, scope.workspaceId, params.entityType);
	const fields = await listFields(locals.db, scope, params.entityType);
	return json({ entityType: { key: type.key, name: type.name, builtIn: type.builtIn }, fields: fields.map(({ id: _id, ...f }) => f) });
});

export const POST: RequestHandler = endpoint(async ({ request, locals, params }) => {
	const scope = workspaceScope({ locals, params });
	const input = await readJson(request, fieldInputSchema);
	const { id: _id, ...field } = await createField(locals.db, scope, params.entityType, input);
	return json({ field }, { status: 201 });
});
