import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { logInSchema } from '../auth/accounts';
import { invitationInputSchema } from '../workspaces/invitations';
import { memberUpdateSchema } from '../workspaces/members';
import { workspaceNameSchema } from '../workspaces/workspaces';
import { processInputSchema } from '../processes/processes';
import { workflowPaths } from '../workflow/openapi-paths';
import { reviewPaths } from '../review/openapi-paths';
import { reportPaths } from '../reports/openapi-paths';
import { heatmapPaths } from '../reports/heatmap-openapi';
import { managersPaths } from '../reports/managers-openapi';
import { fieldInputSchema } from '../crm/fields';
import { mergeInputSchema } from '../crm/merge';
import { recordListSchema } from '../crm/record-list';
import { recordCreateBodySchema, recordPatchBodySchema } from '../crm/views/record-api';
import { duplicateSchema, fieldDefinitionSchema, recordDetailSchema, recordSchema } from './schemas';
import { diffSchema, invitationCreatedSchema, lintProblemSchema, memberSchema, meSchema, processSchema, revisionSchema, trackEnum, userSchema } from './schemas';
import { jsonContent as jsonBody, errorResponses as errors } from './openapi-parts';

const ok = (description: string, schema?: z.ZodType, status = '200'): ZodOpenApiResponsesObject => ({
	[status]: schema ? { description, ...jsonBody(schema) } : { description }
});

const ws = z.string().meta({ description: 'Workspace id' });
const member = z.string().meta({ description: 'Membership id' });
const id = z.string().meta({ description: 'Process id' });
const rev = z.string().meta({ description: 'Revision number, or `latest`' });
const entityType = z.string().meta({ description: 'Entity type key: `lead`, `deal`, `contact`, `company` or a custom type' });
const recordId = z.string().meta({ description: 'Record id' });
const xmlBody = {
	required: true,
	description: 'BPMN 2.0 XML (at most 10 MB; DOCTYPE/entities are refused)',
	content: { 'application/xml': { schema: z.string() } }
};

/**
 * Every REST operation, with its request and response schemas. A test checks
 * that each `+server.ts` handler under /api/v1 appears here, so the document
 * stays complete as areas add endpoints.
 */
export const paths: ZodOpenApiPathsObject = {
	...workflowPaths,
	...reviewPaths,
	...reportPaths,
	...heatmapPaths,
	...managersPaths,
	'/api/v1/session': {
		post: {
			summary: 'Log in: sets the session cookie',
			requestBody: jsonBody(logInSchema),
			responses: { ...ok('Logged in', z.object({ user: userSchema })), ...errors(400, 401, 429) }
		},
		delete: { summary: 'Log out: ends the current session', responses: { ...ok('Logged out', undefined, '204'), ...errors(401) } }
	},
	'/api/v1/me': {
		get: { summary: 'The current user and their workspaces', responses: { ...ok('The user', meSchema), ...errors(401) } }
	},
	'/api/v1/workspaces': {
		post: {
			summary: 'Create a workspace; the caller becomes its owner',
			requestBody: jsonBody(z.object({ name: workspaceNameSchema })),
			responses: { ...ok('Created', z.object({ id: z.string(), name: z.string() }), '201'), ...errors(400, 401) }
		}
	},
	'/api/v1/w/{ws}/members': {
		get: {
			summary: 'Members of the workspace',
			requestParams: { path: z.object({ ws }) },
			responses: { ...ok('Members', z.object({ members: z.array(memberSchema) })), ...errors(401, 403, 404) }
		},
		post: {
			summary: 'Invite a member (owners): returns a one-time link',
			requestParams: { path: z.object({ ws }) },
			requestBody: jsonBody(invitationInputSchema),
			responses: { ...ok('Invitation created', invitationCreatedSchema, '201'), ...errors(400, 401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/members/{member}': {
		patch: {
			summary: 'Change roles, groups or absence of a member (owners)',
			requestParams: { path: z.object({ ws, member }) },
			requestBody: jsonBody(memberUpdateSchema),
			responses: { ...ok('Updated', z.object({ member: memberSchema })), ...errors(400, 401, 403, 404, 409) }
		},
		delete: {
			summary: 'Remove a member (owners)',
			requestParams: { path: z.object({ ws, member }) },
			responses: { ...ok('Removed', undefined, '204'), ...errors(401, 403, 404, 409) }
		}
	},
	'/api/v1/w/{ws}/processes': {
		get: {
			summary: 'Processes of the workspace with the status of both tracks (owners, analysts)',
			requestParams: { path: z.object({ ws }) },
			responses: { ...ok('Processes', z.object({ processes: z.array(processSchema) })), ...errors(401, 403, 404) }
		},
		post: {
			summary: 'Create a process (owners, analysts)',
			requestParams: { path: z.object({ ws }) },
			requestBody: jsonBody(processInputSchema),
			responses: { ...ok('Created', processSchema, '201'), ...errors(400, 401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/processes/{id}': {
		get: {
			summary: 'One process',
			requestParams: { path: z.object({ ws, id }) },
			responses: { ...ok('The process', processSchema), ...errors(401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/processes/{id}/tracks/{track}': {
		put: {
			summary: 'Save a new revision of a track from BPMN XML',
			description:
				'Checks the XML (bpmn-moddle with the potok extension, zod, FEEL), stores an immutable revision and returns its lint problems. With `base`, a save on top of an outdated revision is refused with 409 `revision_conflict`.',
			requestParams: {
				path: z.object({ ws, id, track: trackEnum }),
				query: z.object({
					base: z.number().int().optional().meta({ description: 'The revision the edit started from (0 for none)' }),
					message: z.string().optional().meta({ description: 'What changed' })
				})
			},
			requestBody: xmlBody,
			responses: {
				...ok('Saved', z.object({ revision: z.number().int(), sha256: z.string(), lint: z.array(lintProblemSchema) }), '201'),
				...errors(400, 401, 403, 404, 409, 413, 422)
			}
		}
	},
	'/api/v1/w/{ws}/processes/{id}/tracks/{track}/revisions': {
		get: {
			summary: 'Revisions of a track, newest first',
			requestParams: { path: z.object({ ws, id, track: trackEnum }) },
			responses: { ...ok('Revisions', z.object({ revisions: z.array(revisionSchema) })), ...errors(401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/processes/{id}/tracks/{track}/revisions/{rev}.bpmn': {
		get: {
			summary: 'The XML of a revision exactly as stored',
			requestParams: { path: z.object({ ws, id, track: trackEnum, rev }) },
			responses: {
				'200': { description: 'BPMN XML', content: { 'application/xml': { schema: z.string() } } },
				...errors(401, 403, 404)
			}
		}
	},
	'/api/v1/w/{ws}/processes/{id}/diff': {
		get: {
			summary: 'Compare two revisions: AS IS with TO BE, or two revisions of a track',
			requestParams: {
				path: z.object({ ws, id }),
				query: z.object({
					from: z.string().meta({ description: '`<track>:<revision>`, e.g. `as_is:latest` or `to_be:3`' }),
					to: z.string().meta({ description: '`<track>:<revision>`' })
				})
			},
			responses: { ...ok('The differences', diffSchema), ...errors(400, 401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/lint': {
		post: {
			summary: 'Lint BPMN XML without storing it',
			requestParams: { path: z.object({ ws }) },
			requestBody: xmlBody,
			responses: { ...ok('Problems', z.object({ problems: z.array(lintProblemSchema) })), ...errors(400, 401, 403, 404, 413, 422) }
		}
	},
	'/api/v1/w/{ws}/fields/{entityType}': {
		get: {
			summary: 'The card fields of an entity type, in card order',
			requestParams: { path: z.object({ ws, entityType }) },
			responses: {
				...ok('Fields', z.object({ entityType: z.object({ key: z.string(), name: z.string(), builtIn: z.boolean() }), fields: z.array(fieldDefinitionSchema) })),
				...errors(401, 403, 404)
			}
		},
		post: {
			summary: 'Add a field at the end of the card (owners, analysts); without a key, one is made from the label',
			requestParams: { path: z.object({ ws, entityType }) },
			requestBody: jsonBody(fieldInputSchema),
			responses: { ...ok('Created', z.object({ field: fieldDefinitionSchema }), '201'), ...errors(400, 401, 403, 404, 409) }
		}
	},
	'/api/v1/w/{ws}/records': {
		get: {
			summary: 'Records of one type, newest change first, a keyset page at a time',
			description: 'Employees see only the records they are responsible for or observe. `q` searches title and names, e-mail prefixes and phone digits.',
			requestParams: {
				path: z.object({ ws }),
				query: recordListSchema.omit({ responsibleId: true }).extend({ responsible: z.string().optional().meta({ description: 'User id, or `me`' }) })
			},
			responses: { ...ok('A page of records', z.object({ items: z.array(recordSchema), nextCursor: z.string().nullable() })), ...errors(400, 401, 403, 404) }
		},
		post: {
			summary: 'Create a record (validated against the type’s fields; duplicates reported)',
			description:
				'With `pipeline`, the pipeline’s published process starts for the record. When the workspace merges automatically and a phone or e-mail matches an older record exactly, the new record is merged into it and `mergedInto` names the survivor.',
			requestParams: { path: z.object({ ws }) },
			requestBody: jsonBody(recordCreateBodySchema),
			responses: {
				...ok('Created', recordSchema.extend({ duplicates: z.array(duplicateSchema) }), '201'),
				...errors(400, 401, 403, 404, 409)
			}
		}
	},
	'/api/v1/w/{ws}/records/{id}': {
		get: {
			summary: 'One record with its links and the moves its diagram allows now',
			requestParams: { path: z.object({ ws, id: recordId }) },
			responses: { ...ok('The record', recordDetailSchema), ...errors(401, 403, 404) }
		},
		patch: {
			summary: 'Change title, responsible, observers or field values (only the keys given)',
			requestParams: { path: z.object({ ws, id: recordId }) },
			requestBody: jsonBody(recordPatchBodySchema),
			responses: {
				...ok('Updated', recordDetailSchema.extend({ changed: z.array(z.string()).meta({ description: 'Keys that changed' }) })),
				...errors(400, 401, 403, 404, 409)
			}
		}
	},
	'/api/v1/w/{ws}/records/{id}/duplicates': {
		get: {
			summary: 'Candidate duplicates of a record (same phone, e-mail, or name)',
			requestParams: { path: z.object({ ws, id: recordId }) },
			responses: { ...ok('Candidates, strongest first', z.object({ duplicates: z.array(duplicateSchema) })), ...errors(401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/records/{id}/merge': {
		post: {
			summary: 'Merge duplicates into this record',
			description:
				'`values` picks, field by field, the record whose value survives (by default the survivor’s, or the first filled one); lists are united. Links, tasks, comments and history move onto the survivor; merged records redirect to it.',
			requestParams: { path: z.object({ ws, id: recordId }) },
			requestBody: jsonBody(mergeInputSchema),
			responses: { ...ok('Merged', z.object({ record: recordSchema, changed: z.array(z.string()) })), ...errors(400, 401, 403, 404, 409) }
		}
	}
};

export function openApiDocument() {
	return createDocument({
		openapi: '3.1.0',
		info: {
			title: 'Potok API',
			version: '1',
			description:
				'Authenticate with the session cookie (POST /api/v1/session) or `Authorization: Bearer <token>` with a workspace API token created in Settings.'
		},
		components: {
			securitySchemes: {
				cookie: { type: 'apiKey', in: 'cookie', name: 'potok_session' },
				bearer: { type: 'http', scheme: 'bearer' }
			}
		},
		security: [{ cookie: [] }, { bearer: [] }],
		paths
	});
}
