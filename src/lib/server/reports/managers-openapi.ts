import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { jsonContent as json, errorResponses as errors } from '../api/openapi-parts';

/** The manager control endpoint of the REST API (reports/managers.ts), for openapi.ts to spread into its paths. */
const day = z.string().meta({ description: 'A day, YYYY-MM-DD (UTC); both ends included; default: the last 30 days' });
const count = (description: string) => z.number().int().meta({ description });

export const managersReportSchema = z
	.object({
		period: z.object({ from: day, to: day }),
		rows: z.array(
			z.object({
				userId: z.string(),
				name: z.string(),
				former: z.boolean().meta({ description: 'No longer a member of the workspace, but still responsible for some of its tasks or records' }),
				open: count('Open tasks the person is responsible for (now)'),
				overdue: count('…of which the deadline has passed'),
				completed: count('Tasks the person is responsible for, completed in the period'),
				noTask: count('The person’s open records (not contacts or companies, not merged) without an open task'),
				quiet: count('The same open records without a comment in the last 7 days'),
				leads: count('Leads created in the period that the person is responsible for'),
				responded: count('…of which a person has acted on (comment, stage move, status change, completed task)'),
				waiting: count('…still open without such an action'),
				avgResponseMinutes: z.number().nullable().meta({ description: 'Average minutes from a lead’s creation to the first action of a person; null when none responded' })
			})
		)
	})
	.meta({ id: 'ManagersReport' });

export const managersPaths: ZodOpenApiPathsObject = {
	'/api/v1/w/{ws}/reports/managers': {
		get: {
			summary: 'Manager control: tasks, neglected records and lead response time per person',
			description:
				'One row per member with the employee or manager role (and anyone else with a number), and one per former member who still holds tasks or records. Owners, managers and analysts see everyone (`responsible` narrows to one person); employees only their own row.',
			requestParams: {
				path: z.object({ ws: z.string().meta({ description: 'Workspace id' }) }),
				query: z.object({
					from: day.optional(),
					to: day.optional(),
					responsible: z.string().optional().meta({ description: 'A user id: only this person’s row' }),
					format: z.enum(['json', 'xlsx', 'csv']).optional().meta({ description: 'json (default), or a download: xlsx (typed cells) or csv (UTF-8)' })
				})
			},
			responses: {
				'200': {
					description: 'The report',
					content: {
						...json(managersReportSchema).content,
						'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) },
						'text/csv': { schema: z.string() }
					}
				},
				...errors(400, 401, 403)
			}
		}
	}
};
