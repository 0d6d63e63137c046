import { z } from 'zod';
import { recordCreateSchema, recordPatchSchema, type RecordCreateInput, type RecordPatch } from '../record-input';

/**
 * The REST API's record bodies. They say `fields` for the card's values and
 * leave out what only the runtime sets (stage, status): a record moves
 * through its pipeline by `…/move`, never by a write of its stage.
 */
const fieldsObject = z.record(z.string(), z.unknown()).meta({ description: 'Field key → value, as the entity type’s fields define them (GET …/fields/{entityType})' });

export const recordCreateBodySchema = z
	.strictObject({
		type: recordCreateSchema.shape.type.meta({ description: '`lead`, `deal`, `contact`, `company` or a custom entity type key' }),
		pipeline: z.string().trim().min(1).max(100).optional().meta({ description: 'Key of a published pipeline of the type: the record starts at its first stage' }),
		title: recordCreateSchema.shape.title,
		fields: fieldsObject.optional(),
		links: recordCreateSchema.shape.links.meta({ description: 'Ids of records to link: a deal’s contacts and company, a contact’s companies' }),
		responsibleId: recordCreateSchema.shape.responsibleId.meta({ description: 'User id; omitted: the caller' }),
		observerIds: recordCreateSchema.shape.observerIds
	})
	.meta({ id: 'RecordCreate' });
export type RecordCreateBody = z.output<typeof recordCreateBodySchema>;

export const recordPatchBodySchema = z
	.strictObject({
		title: recordPatchSchema.shape.title,
		fields: fieldsObject.optional().meta({ description: 'Only the keys given change; null clears a value' }),
		responsibleId: recordPatchSchema.shape.responsibleId,
		observerIds: recordPatchSchema.shape.observerIds
	})
	.meta({ id: 'RecordPatch' });

export function createInputOf(body: RecordCreateBody): RecordCreateInput {
	const { fields, pipeline, ...rest } = body;
	return { ...rest, pipeline, values: fields ?? {} };
}

export function patchOf(body: z.output<typeof recordPatchBodySchema>): RecordPatch {
	const { fields, ...rest } = body;
	return { ...rest, ...(fields ? { values: fields } : {}) };
}
