import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { jsonContent as json, errorResponses as errors } from '../api/openapi-parts';

/** The heatmap endpoint of the REST API (reports/heatmap.ts), for openapi.ts to spread into its paths. */
const day = z.string().meta({ description: 'A day, YYYY-MM-DD (UTC); both ends included; default: the last 30 days' });
const ms = z.number().int().nullable().meta({ description: 'Milliseconds; null when no token completed the element' });

export const heatmapSchema = z
	.object({
		process: z.object({ key: z.string().meta({ description: 'The pipeline key' }), name: z.string(), processId: z.string(), entityType: z.string() }),
		version: z.number().int(),
		versions: z.array(z.object({ version: z.number().int(), revision: z.number().int().meta({ description: 'The TO BE revision published' }), publishedAt: z.string(), current: z.boolean() })),
		period: z.object({ from: day, to: day }),
		maxEntered: z.number().int().meta({ description: 'The most tokens any element saw: the top of the colour scale' }),
		elements: z.array(
			z.object({
				elementId: z.string(),
				name: z.string(),
				type: z.string().meta({ description: 'The BPMN type, e.g. bpmn:UserTask' }),
				entered: z.number().int().meta({ description: 'Tokens that entered the element in the period' }),
				completed: z.number().int().meta({ description: '…of which completed it' }),
				active: z.number().int().meta({ description: '…of which are in it now' }),
				medianMs: ms,
				avgMs: ms
			})
		)
	})
	.meta({ id: 'Heatmap' });

export const heatmapPaths: ZodOpenApiPathsObject = {
	'/api/v1/w/{ws}/reports/heatmap': {
		get: {
			summary: 'Heatmap of a published process version: tokens through each element in a period',
			description:
				'For every flow node of the version: tokens that entered it in the period, how many completed it and are still in it, and the median and average time of the completed ones. Employees get only the tokens of their own records.',
			requestParams: {
				path: z.object({ ws: z.string().meta({ description: 'Workspace id' }) }),
				query: z.object({
					process: z.string().meta({ description: 'The pipeline key of the process (`pipeline` is accepted too)' }),
					version: z.string().optional().meta({ description: 'A published version number; default: the current one' }),
					from: day.optional(),
					to: day.optional(),
					format: z.enum(['json', 'xlsx', 'csv']).optional().meta({ description: 'json (default), or a download: xlsx (typed cells) or csv (UTF-8)' })
				})
			},
			responses: {
				'200': {
					description: 'The heatmap',
					content: {
						...json(heatmapSchema).content,
						'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) },
						'text/csv': { schema: z.string() }
					}
				},
				...errors(400, 401, 403, 404)
			}
		}
	}
};
