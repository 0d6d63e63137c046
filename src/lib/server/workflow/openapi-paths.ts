import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { taskCreateSchema } from '../crm/tasks';
import { allowedMoveSchema, lintProblemSchema } from '../api/schemas';
import { publishBodySchema } from './api';
import { moveInputSchema } from './moves';
import { taskCompleteSchema, taskListSchema } from './work-tasks';
import { jsonContent as json, errorResponses as errors } from '../api/openapi-parts';

/** The workflow endpoints of the REST API: publish, pipelines, moves and tasks. */
const ws = z.string().meta({ description: 'Workspace id' });
const id = z.string();

const stageSchema = z.object({ key: z.string(), label: z.string() });

export const pipelineSchema = z
	.object({
		key: z.string().meta({ description: 'What records’ `pipeline` holds' }),
		name: z.string(),
		entityType: z.string(),
		processId: z.string(),
		version: z.number().int().meta({ description: 'The current published version: new records start on it' }),
		stages: z.array(stageSchema),
		finalStatuses: z.array(z.object({ status: z.enum(['won', 'lost', 'spam', 'converted']), label: z.string() })),
		lossReasons: z.array(z.string()),
		publishedAt: z.string()
	})
	.meta({ id: 'Pipeline' });

const publishedSchema = z
	.object({
		version: z.number().int(),
		revision: z.number().int(),
		created: z.boolean().meta({ description: 'False when this revision was already the current version (nothing new was published)' }),
		pipeline: z.object({ key: z.string(), name: z.string(), entityType: z.string() }),
		stages: z.array(stageSchema),
		fieldsAdded: z.array(z.string()).meta({ description: 'Card fields the stages added to the entity type' }),
		warnings: z.array(lintProblemSchema).meta({ description: 'Lint warnings published over' })
	})
	.meta({ id: 'PublishedVersion' });

const workflowSchema = z
	.object({
		pipeline: pipelineSchema.pick({ key: true, name: true, version: true, stages: true, finalStatuses: true, lossReasons: true }).nullable(),
		stage: z.string().nullable(),
		status: z.enum(['open', 'won', 'lost', 'spam', 'converted']),
		allowedMoves: z.array(allowedMoveSchema),
		openTasks: z.array(z.object({ id: z.string(), elementId: z.string(), name: z.string().nullable(), stage: z.string().nullable(), outcomes: z.array(stageSchema) }))
	})
	.meta({ id: 'RecordWorkflow' });

const potokFieldSchema = z.object({
	key: z.string(),
	label: z.string().optional(),
	type: z.string(),
	required: z.boolean().optional(),
	requiredWhen: z.string().optional(),
	options: z.array(z.string()).optional()
});

export const taskSchema = z
	.object({
		id: z.string(),
		title: z.string(),
		description: z.string(),
		status: z.enum(['open', 'completed', 'cancelled']),
		creatorId: z.string().nullable(),
		responsibleId: z.string().nullable(),
		responsibleName: z.string().nullable(),
		coExecutorIds: z.array(z.string()),
		observerIds: z.array(z.string()),
		deadlineAt: z.string().nullable(),
		overdue: z.boolean(),
		resultRequired: z.boolean(),
		result: z.string().nullable(),
		createdAt: z.string(),
		completedAt: z.string().nullable(),
		records: z.array(z.object({ id: z.string(), title: z.string(), type: z.string(), pipeline: z.string().nullable(), stage: z.string().nullable() })),
		engineTaskId: z.string().nullable().meta({ description: 'Set for a task a process opened' }),
		stage: stageSchema.nullable().meta({ description: 'For an open stage task: the stage it ends' }),
		outcomes: z.array(stageSchema).meta({ description: 'The stage’s outcome buttons' }),
		fields: z.array(potokFieldSchema).meta({ description: 'The stage’s fields and their required rules' })
	})
	.meta({ id: 'Task' });

export const workflowPaths: ZodOpenApiPathsObject = {
	'/api/v1/w/{ws}/processes/{id}/publish': {
		post: {
			summary: 'Publish the TO BE revision (the latest by default) as a new version of the process’s pipeline',
			description:
				'Lint errors, runtime refusals and robots with missing inputs are answered with 422 `publish_refused`, one detail per element (`field` is the element id); a stage field whose type differs from the card’s is 422 `field_conflict`. Running records stay on their version; new records start on the new one. With the workspace setting «Публиковать только согласованное» on (the default), a revision whose exact XML (SHA-256) no approval covers is 409 `not_approved`.',
			requestParams: { path: z.object({ ws, id: id.meta({ description: 'Process id' }) }) },
			requestBody: json(publishBodySchema),
			responses: {
				'201': { description: 'Published', ...json(publishedSchema) },
				'200': { description: 'This revision is the current version already', ...json(publishedSchema) },
				...errors(400, 401, 403, 404, 409, 422)
			}
		}
	},
	'/api/v1/w/{ws}/pipelines': {
		get: {
			summary: 'Published pipelines: stages in order and final statuses',
			requestParams: { path: z.object({ ws }), query: z.object({ type: z.string().optional().meta({ description: 'Only this entity type' }) }) },
			responses: { '200': { description: 'Pipelines', ...json(z.array(pipelineSchema)) }, ...errors(401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/records/{id}/move': {
		post: {
			summary: 'Move a record to a stage (or a final status) the diagram allows from its current stage',
			description:
				'The current stage’s task completes with the outcome that leads there; `fields` are saved first. 422 `required_fields_missing` lists the missing fields in `details` (`field` is the key); 409 `move_not_allowed` when no outcome leads there.',
			requestParams: { path: z.object({ ws, id: id.meta({ description: 'Record id' }) }) },
			requestBody: json(moveInputSchema),
			responses: { '200': { description: 'Moved', ...json(workflowSchema.extend({ id: z.string() })) }, ...errors(400, 401, 403, 404, 409, 422) }
		}
	},
	'/api/v1/w/{ws}/tasks': {
		get: {
			summary: 'Tasks: mine by default; managers see the team’s',
			requestParams: { path: z.object({ ws }), query: taskListSchema },
			responses: { '200': { description: 'Tasks, nearest deadline first', ...json(z.object({ items: z.array(taskSchema) })) }, ...errors(400, 401, 403, 404) }
		},
		post: {
			summary: 'Create a task by hand',
			requestParams: { path: z.object({ ws }) },
			requestBody: json(taskCreateSchema.omit({ engineTaskId: true })),
			responses: { '201': { description: 'Created', ...json(taskSchema) }, ...errors(400, 401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/tasks/{id}/complete': {
		post: {
			summary: 'Complete a task; a stage task takes an outcome and the stage’s fields and moves its record on',
			requestParams: { path: z.object({ ws, id: id.meta({ description: 'Task id' }) }) },
			requestBody: json(taskCompleteSchema),
			responses: { '200': { description: 'Completed', ...json(taskSchema) }, ...errors(400, 401, 403, 404, 409, 422) }
		}
	}
};
