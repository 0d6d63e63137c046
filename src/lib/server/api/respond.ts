import { json, type RequestEvent } from '@sveltejs/kit';
import { ZodError, type z } from 'zod';
import { UserError } from '../errors';
import { describeError } from '../messages';

/** The JSON error every API failure answers with: `{"error":{"code","message","details"}}`. */
export function apiError(event: Pick<RequestEvent, 'locals'>, error: UserError | ZodError): Response {
	const { status, body } = describeError(error, event.locals.locale);
	return json({ error: body }, { status });
}

/**
 * Wraps an API handler: expected errors become JSON error responses; anything
 * else is rethrown to SvelteKit's handleError (500, logged).
 */
export function endpoint<E extends RequestEvent>(handler: (event: E) => Promise<Response>) {
	return async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (e) {
			if (e instanceof UserError || e instanceof ZodError) return apiError(event, e);
			throw e;
		}
	};
}

/** Parses a JSON body with a schema; a missing or malformed body is a 400 naming the problem. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw new UserError('validation', {}, [{ field: '(body)', message: 'invalid:expected a JSON body' }]);
	}
	return schema.parse(body);
}
