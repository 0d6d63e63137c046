import { z } from 'zod';
import { ROLES } from '$lib/roles';

/** Response shapes of the REST API, shared by the handlers' types and the OpenAPI document. */
export const errorSchema = z
	.object({
		error: z.object({
			code: z.string().meta({ description: 'Stable machine-readable code, e.g. `validation`, `forbidden`' }),
			message: z.string().meta({ description: 'Human-readable, in the caller’s language' }),
			details: z.array(z.object({ field: z.string(), message: z.string() }))
		})
	})
	.meta({ id: 'Error' });

export const roleEnum = z.enum(ROLES).meta({ id: 'Role' });

export const userSchema = z
	.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.enum(['ru', 'en']) })
	.meta({ id: 'User' });

export const workspaceRefSchema = z
	.object({ id: z.string(), name: z.string(), roles: z.array(roleEnum) })
	.meta({ id: 'WorkspaceMembership' });

export const meSchema = z.object({ user: userSchema, workspaces: z.array(workspaceRefSchema) }).meta({ id: 'Me' });

export const memberSchema = z
	.object({
		id: z.string(),
		userId: z.string(),
		email: z.string(),
		name: z.string(),
		roles: z.array(roleEnum),
		absent: z.boolean(),
		groups: z.array(z.object({ id: z.string(), name: z.string() }))
	})
	.meta({ id: 'Member' });

export const invitationCreatedSchema = z
	.object({ invitation: z.object({ id: z.string(), url: z.string(), expiresAt: z.string() }) })
	.meta({ id: 'InvitationCreated' });

const trackStatusSchema = z.object({
	latest: z.number().int().nullable().meta({ description: 'Number of the newest revision, null before the first save' }),
	savedAt: z.string().nullable(),
	savedBy: z.string().nullable()
});

export const trackEnum = z.enum(['as_is', 'to_be']).meta({ id: 'Track', description: 'AS IS (how it works today) or TO BE (how it must work)' });

export const processSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		description: z.string(),
		entityType: z.string().meta({ description: '`lead`, `deal` or the name of a custom entity type' }),
		createdAt: z.string(),
		tracks: z.object({ as_is: trackStatusSchema, to_be: trackStatusSchema })
	})
	.meta({ id: 'Process' });

export const revisionSchema = z
	.object({
		revision: z.number().int(),
		track: trackEnum,
		sha256: z.string(),
		message: z.string(),
		author: z.string(),
		createdAt: z.string(),
		base: z.number().int().nullable().meta({ description: 'The revision the edit started from' }),
		restoredFrom: z.number().int().nullable(),
		copiedFrom: z.string().nullable().meta({ description: 'e.g. `as_is:3` when TO BE was copied from AS IS' })
	})
	.meta({ id: 'Revision' });

export const lintProblemSchema = z
	.object({
		id: z.string().meta({ description: 'Element id' }),
		name: z.string().optional().meta({ description: 'Element name' }),
		rule: z.string(),
		message: z.string().meta({ description: 'In the caller’s language' }),
		category: z.enum(['error', 'warn'])
	})
	.meta({ id: 'LintProblem' });

const revisionRefSchema = z.object({ track: trackEnum, revision: z.number().int() });

export const diffSchema = z
	.object({
		from: revisionRefSchema,
		to: revisionRefSchema,
		added: z.array(z.string()).meta({ description: 'Element ids only in `to`' }),
		removed: z.array(z.string()).meta({ description: 'Element ids only in `from`' }),
		changed: z.array(z.string()).meta({ description: 'Element ids whose semantics changed' }),
		layoutChanged: z.array(z.string()).meta({ description: 'Element ids moved or re-routed' }),
		annotations: z.array(
			z.object({
				elementId: z.string(),
				elementName: z.string().optional(),
				kind: z.string().meta({ description: 'e.g. `field-added`, `field-required`, `condition`, `outcome-renamed`' }),
				key: z.string().optional(),
				message: z.string().meta({ description: 'The change in words, in the caller’s language' })
			})
		)
	})
	.meta({ id: 'Diff' });

const fieldOptionSchema = z.object({ key: z.string(), label: z.string(), archived: z.boolean().optional() });

export const fieldDefinitionSchema = z
	.object({
		key: z.string().meta({ description: 'How values, robots and expressions name the field (`record.<key>`); fixed once created' }),
		label: z.string(),
		type: z.string().meta({ description: 'string, text, number, money, date, datetime, boolean, enum, multi-enum, phone, email, url, user, record-link' }),
		multiple: z.boolean(),
		required: z.boolean(),
		system: z.boolean().meta({ description: 'A standard field: its key and type cannot change' }),
		position: z.number().int(),
		options: z.array(fieldOptionSchema).meta({ description: 'Enum options; archived ones stay readable but cannot be chosen' }),
		settings: z.object({ targetType: z.string().optional() })
	})
	.meta({ id: 'FieldDefinition' });

export const recordSchema = z
	.object({
		id: z.string(),
		type: z.string(),
		pipeline: z.string().nullable(),
		stage: z.string().nullable(),
		status: z.enum(['open', 'won', 'lost', 'spam', 'converted']),
		title: z.string(),
		responsibleId: z.string().nullable(),
		observerIds: z.array(z.string()).optional(),
		fields: z.record(z.string(), z.unknown()),
		amount: z.number().nullable(),
		currency: z.string().nullable(),
		mergedInto: z.string().nullable().meta({ description: 'Set when the record was merged into another: use that one' }),
		createdBy: z.string().nullable(),
		createdAt: z.string(),
		updatedAt: z.string()
	})
	.meta({ id: 'Record' });

export const allowedMoveSchema = z
	.object({
		stage: z.string(),
		outcome: z.string().meta({ description: 'The outcome of the current stage that leads there' }),
		missingFields: z.array(z.string()).meta({ description: 'Required fields to fill before the move' })
	})
	.meta({ id: 'AllowedMove' });

export const recordDetailSchema = recordSchema
	.extend({
		links: z.array(
			z.object({
				id: z.string(),
				type: z.string(),
				title: z.string().nullable().meta({ description: 'Null when the caller may not see the linked record' }),
				direction: z.enum(['to', 'from'])
			})
		),
		allowedMoves: z.array(allowedMoveSchema).meta({ description: 'Where the diagram lets the record go from its stage (a stage key or a final status); empty outside a pipeline' })
	})
	.meta({ id: 'RecordDetail' });

export const duplicateSchema = z
	.object({
		id: z.string(),
		title: z.string().nullable(),
		matchedBy: z.array(z.enum(['phone', 'email', 'name'])),
		visible: z.boolean().optional(),
		createdAt: z.string().optional()
	})
	.meta({ id: 'Duplicate' });
