import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { logInSchema } from '../auth/accounts';
import { invitationInputSchema } from '../workspaces/invitations';
import { memberUpdateSchema } from '../workspaces/members';
import { workspaceNameSchema } from '../workspaces/workspaces';
import { errorSchema, invitationCreatedSchema, memberSchema, meSchema, userSchema } from './schemas';

const jsonBody = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema?: z.ZodType, status = '200'): ZodOpenApiResponsesObject => ({
	[status]: schema ? { description, ...jsonBody(schema) } : { description }
});
const errors = (...statuses: number[]): ZodOpenApiResponsesObject =>
	Object.fromEntries(statuses.map((s) => [String(s), { description: `Error ${s}`, ...jsonBody(errorSchema) }]));

const ws = z.string().meta({ description: 'Workspace id' });
const member = z.string().meta({ description: 'Membership id' });

/**
 * Every REST operation, with its request and response schemas. A test checks
 * that each `+server.ts` handler under /api/v1 appears here, so the document
 * stays complete as areas add endpoints.
 */
export const paths: ZodOpenApiPathsObject = {
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
