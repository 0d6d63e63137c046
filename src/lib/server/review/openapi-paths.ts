import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { trackEnum } from '../api/schemas';
import { commentInputSchema } from './comments';
import { requestChangesInputSchema } from './decisions';
import { submitInputSchema } from './submissions';
import { jsonContent as jsonBody, errorResponses as errors } from '../api/openapi-parts';

/** The review endpoints of the REST API, for the OpenAPI document (`api/openapi.ts`). */

const ok = (description: string, schema: z.ZodType, status = '200'): ZodOpenApiResponsesObject => ({ [status]: { description, ...jsonBody(schema) } });

const ws = z.string().meta({ description: 'Workspace id' });
const id = z.string().meta({ description: 'Process id' });
const rev = z.string().meta({ description: 'Revision number' });
const toBe = z.literal('to_be').meta({ description: 'Reviews are of TO BE revisions' });
const revisionPath = { path: z.object({ ws, id, track: toBe, rev }) };
const anyTrackPath = { path: z.object({ ws, id, track: trackEnum, rev }) };

const submissionStatus = z.enum(['open', 'approved', 'returned', 'superseded']).meta({
	id: 'SubmissionStatus',
	description: '`open` awaits decisions; `approved`; `returned` for changes; `superseded` by a newer submission'
});

const commentBase = z.object({
	id: z.string(),
	elementId: z.string().nullable().meta({ description: 'The BPMN element id; null for the whole process' }),
	elementName: z.string().nullable(),
	elementRemoved: z.boolean().meta({ description: 'The element is not in this revision any more' }),
	revisionNumber: z.number().int().meta({ description: 'The revision the comment was written on' }),
	text: z.string(),
	author: z.object({ id: z.string(), name: z.string() }),
	createdAt: z.string(),
	resolved: z.boolean(),
	resolvedAt: z.string().nullable(),
	resolvedBy: z.string().nullable()
});
const commentSchema = commentBase.extend({ replies: z.array(commentBase) }).meta({ id: 'ReviewComment' });

const decisionSchema = z
	.object({
		id: z.string(),
		submissionId: z.string(),
		revisionNumber: z.number().int(),
		sha256: z.string().meta({ description: 'SHA-256 of the XML decided on' }),
		decision: z.enum(['approved', 'changes_requested']),
		userId: z.string(),
		name: z.string(),
		signature: z.string(),
		commentId: z.string().nullable(),
		ip: z.string(),
		userAgent: z.string(),
		createdAt: z.string()
	})
	.meta({ id: 'ReviewDecision' });

const submissionSchema = z
	.object({
		id: z.string(),
		revisionNumber: z.number().int(),
		sha256: z.string(),
		asIsNumber: z.number().int().nullable(),
		message: z.string(),
		submittedBy: z.string(),
		submittedAt: z.string(),
		status: submissionStatus,
		closedAt: z.string().nullable()
	})
	.meta({ id: 'ReviewSubmission' });

const reviewSchema = z
	.object({
		process: z.object({ id: z.string(), name: z.string() }),
		revision: z.object({ number: z.number().int(), sha256: z.string(), author: z.string(), createdAt: z.string(), message: z.string() }),
		submission: submissionSchema.nullable(),
		status: z.enum(['draft', 'open', 'approved', 'returned', 'superseded']),
		approved: z.boolean().meta({ description: 'An approved submission has exactly this XML (same SHA-256)' }),
		approvals: z.array(decisionSchema),
		decisions: z.array(decisionSchema),
		lastApproved: z.object({ number: z.number().int(), sha256: z.string() }).nullable(),
		baseline: z.object({ revisionNumber: z.number().int(), reason: z.enum(['approved', 'previous']) }).nullable(),
		latestSubmitted: z.number().int().nullable(),
		submittedRevisions: z.array(z.object({ number: z.number().int(), status: submissionStatus, submittedAt: z.string() })),
		rule: z.enum(['any', 'all']),
		approvers: z.array(z.object({ userId: z.string(), name: z.string(), decision: z.enum(['approved', 'changes_requested']).nullable() })),
		can: z.object({ comment: z.boolean(), decide: z.boolean(), submit: z.boolean(), alreadyDecided: z.boolean() })
	})
	.meta({ id: 'RevisionReview' });

const base = '/api/v1/w/{ws}/processes/{id}/tracks/{track}/revisions/{rev}';
const file = (format: string, type: string) => ({
	get: {
		summary: `The specification (ТЗ) of the revision as ${format}`,
		description: 'Approvers get only revisions submitted for review (and the AS IS sent with them).',
		requestParams: anyTrackPath,
		responses: { '200': { description: format, content: { [type]: { schema: z.string() } } }, ...errors(401, 403, 404) }
	}
});

export const reviewPaths: ZodOpenApiPathsObject = {
	[`${base}/submit`]: {
		post: {
			summary: 'Submit a TO BE revision for approval (owners, analysts)',
			description:
				'Approvers get an in-app notification. A submission still open for another revision is superseded. When the XML is identical to an approved revision, the submission is approved at once. `diagramSvg`/`diagramPng` (base64) are the picture the browser drew, for the documents.',
			requestParams: revisionPath,
			requestBody: jsonBody(submitInputSchema.extend({ diagramSvg: z.string().optional(), diagramPng: z.string().optional() })),
			responses: {
				...ok('Submitted', z.object({ submission: z.object({ id: z.string(), revision: z.number().int(), status: submissionStatus }) }), '201'),
				...errors(400, 401, 403, 404)
			}
		}
	},
	[`${base}/review`]: {
		get: {
			summary: 'Where the review of a revision stands',
			requestParams: revisionPath,
			responses: { ...ok('The review', reviewSchema), ...errors(401, 403, 404) }
		}
	},
	[`${base}/comments`]: {
		get: {
			summary: 'Comment threads of the process, seen from this revision',
			description: 'Comments follow their element by id across revisions; `elementRemoved` marks those whose element this revision no longer has.',
			requestParams: revisionPath,
			responses: { ...ok('Threads, unresolved first', z.object({ comments: z.array(commentSchema) })), ...errors(401, 403, 404) }
		},
		post: {
			summary: 'Comment on an element or the whole process, or reply',
			description: '`@Full Name` or `@e-mail` of an owner, analyst or approver notifies them.',
			requestParams: revisionPath,
			requestBody: jsonBody(commentInputSchema),
			responses: { ...ok('Added', z.object({ comment: commentSchema }), '201'), ...errors(400, 401, 403, 404) }
		}
	},
	[`${base}/comments/{cid}/resolve`]: {
		post: {
			summary: 'Resolve a comment thread, or reopen it with `{"resolved": false}`',
			requestParams: { path: z.object({ ws, id, track: toBe, rev, cid: z.string().meta({ description: 'Comment id' }) }) },
			requestBody: { required: false, ...jsonBody(z.object({ resolved: z.boolean().optional() })) },
			responses: { ...ok('Done', z.object({ id: z.string(), resolved: z.boolean() })), ...errors(400, 401, 403, 404) }
		}
	},
	[`${base}/approve`]: {
		post: {
			summary: 'Approve the revision with a signature (approvers, with a session)',
			description:
				'`signature` is the approver’s full name as typed; it must contain every word of their account name. Records who, when, the revision, the SHA-256 of its XML, the IP and the user agent; the record cannot be changed. 403 for anyone but an approver (and for API tokens); 409 `not_under_review` when the revision is not awaiting a decision, `already_decided` on a second decision.',
			requestParams: revisionPath,
			requestBody: jsonBody(z.object({ signature: z.string(), consent: z.boolean().optional().meta({ description: 'Defaults to true: calling is the consent' }) })),
			responses: {
				...ok('Approved', z.object({ decision: z.object({ id: z.string(), decision: z.literal('approved'), revision: z.number().int() }), status: z.enum(['open', 'approved', 'returned']) }), '201'),
				...errors(400, 401, 403, 404, 409)
			}
		}
	},
	[`${base}/request-changes`]: {
		post: {
			summary: 'Return the revision for changes with a required comment (approvers)',
			requestParams: revisionPath,
			requestBody: jsonBody(requestChangesInputSchema),
			responses: {
				...ok(
					'Returned',
					z.object({ decision: z.object({ id: z.string(), decision: z.literal('changes_requested'), revision: z.number().int() }), commentId: z.string(), status: z.enum(['open', 'approved', 'returned']) }),
					'201'
				),
				...errors(400, 401, 403, 404, 409)
			}
		}
	},
	[`${base}/spec.html`]: file('a printable HTML page', 'text/html'),
	[`${base}/spec.pdf`]: file('PDF', 'application/pdf'),
	[`${base}/spec.docx`]: file('DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
};
