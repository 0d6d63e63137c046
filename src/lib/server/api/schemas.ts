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
