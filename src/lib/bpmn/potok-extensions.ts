import { z } from 'zod';

/**
 * The `potok` BPMN extension as a validated, plain model (DESIGN.md, "The Potok BPMN extension").
 * The moddle descriptor (`potok.json`) reads the XML; these schemas decide what is valid.
 */

export const fieldTypes = [
	'string', 'text', 'number', 'money', 'date', 'datetime', 'boolean', 'enum', 'multi-enum',
	'phone', 'email', 'url', 'user', 'record-link'
] as const;

export const robotTypes = [
	'create-task', 'set-fields', 'change-responsible', 'send-message', 'webhook', 'log',
	'create-record', 'convert-record', 'start-process', 'generate-document'
] as const;

export const assignmentTypes = ['user', 'group', 'round-robin', 'least-loaded', 'expression'] as const;

export const recordStatuses = ['won', 'lost', 'spam', 'converted'] as const;

const key = z.string().regex(/^[A-Za-z_][\w.-]*$/, 'must be a key: letters, digits, _ . -');

export const stageSchema = z.object({ key: key.optional(), label: z.string().optional() });

export const fieldSchema = z.object({
	key,
	label: z.string().optional(),
	type: z.enum(fieldTypes),
	required: z.boolean().optional(),
	requiredWhen: z.string().min(1).optional(),
	options: z.array(z.string()).optional()
});

export const outcomeSchema = z.object({ key, label: z.string().optional() });

export const assignmentSchema = z
	.object({
		type: z.enum(assignmentTypes),
		user: z.string().min(1).optional(),
		group: z.string().min(1).optional(),
		expression: z.string().min(1).optional()
	})
	.refine((a) => a.type !== 'user' || a.user !== undefined, { message: 'a user assignment needs `user`', path: ['user'] })
	.refine((a) => a.type !== 'expression' || a.expression !== undefined, {
		message: 'an expression assignment needs `expression`',
		path: ['expression']
	})
	.refine((a) => !['group', 'round-robin', 'least-loaded'].includes(a.type) || a.group !== undefined, {
		message: 'a group assignment needs `group`',
		path: ['group']
	});

export const taskOptionsSchema = z.object({ due: z.string().min(1).optional(), resultRequired: z.boolean().optional() });

export const robotSchema = z.object({
	type: z.enum(robotTypes),
	retries: z.number().int().min(0).optional(),
	inputs: z.array(z.object({ name: key, value: z.string() }))
});

export const potokExtensionsSchema = z.object({
	stage: stageSchema.optional(),
	fields: z.array(fieldSchema).optional(),
	outcomes: z.array(outcomeSchema).optional(),
	assignment: assignmentSchema.optional(),
	task: taskOptionsSchema.optional(),
	robot: robotSchema.optional(),
	status: z.enum(recordStatuses).optional()
});

export type PotokStage = z.infer<typeof stageSchema>;
export type PotokField = z.infer<typeof fieldSchema>;
export type PotokOutcome = z.infer<typeof outcomeSchema>;
export type PotokAssignment = z.infer<typeof assignmentSchema>;
export type PotokRobot = z.infer<typeof robotSchema>;
export type PotokExtensions = z.infer<typeof potokExtensionsSchema>;
