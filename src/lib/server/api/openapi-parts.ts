import type { z } from 'zod';
import type { ZodOpenApiResponsesObject } from 'zod-openapi';
import { errorSchema } from './schemas';

/** Pieces every OpenAPI path file uses: a JSON body or response, and the error responses. */
export const jsonContent = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

export const errorResponses = (...statuses: number[]): ZodOpenApiResponsesObject =>
	Object.fromEntries(statuses.map((s) => [String(s), { description: `Error ${s}`, ...jsonContent(errorSchema) }]));
