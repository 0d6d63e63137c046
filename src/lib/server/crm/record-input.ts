import { z } from 'zod';

/** Pipeline and stage keys as the diagram writes them (`sale`, `meeting_set`, `Task_1`). */
const pipelineKey = z.string().trim().min(1).max(100).regex(/^[A-Za-z_][\w.-]*$/, 'invalid_key');

const userId = z.string().trim().min(1).max(64);

export const recordCreateSchema = z.object({
	type: z.string().trim().min(1, 'required').max(48),
	pipeline: pipelineKey.nullable().optional(),
	stage: pipelineKey.nullable().optional(),
	title: z.string().trim().max(500, 'too_long').optional(),
	/** Omitted: the person creating it (nobody for an integration, so that distribution can pick). */
	responsibleId: userId.nullable().optional(),
	observerIds: z.array(userId).max(100).optional(),
	values: z.record(z.string(), z.unknown()).optional().default({}),
	/** Records to link to: contacts and company of a deal, companies of a contact… */
	links: z.array(z.string().trim().min(1).max(64)).max(100).optional()
});
export type RecordCreateInput = z.input<typeof recordCreateSchema>;

export const recordPatchSchema = z.object({
	title: z.string().trim().max(500, 'too_long').optional(),
	responsibleId: userId.nullable().optional(),
	observerIds: z.array(userId).max(100).optional(),
	values: z.record(z.string(), z.unknown()).optional()
});
export type RecordPatch = z.input<typeof recordPatchSchema>;
