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
