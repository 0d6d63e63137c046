import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { apiTokens, workspaces } from '../db/schema';
import { rolesSchema, type Role } from '../access/roles';
import type { WorkspaceScope } from '../access/scope';
import { generateSecretToken, hashSecretToken } from '../auth/tokens';
import { UserError } from '../errors';
import { newId } from '../ids';

/** Workspace API tokens start with this prefix so that leaked ones are recognisable. */
export const API_TOKEN_PREFIX = 'ptk_';

export const apiTokenInputSchema = z.object({
	name: z.string().trim().min(1, 'required').max(80),
	roles: rolesSchema.refine((r) => !r.includes('owner'), 'token_cannot_be_owner')
});

export interface ApiTokenRow {
	id: string;
	name: string;
	roles: Role[];
	createdAt: Date;
	lastUsedAt: Date | null;
}

export async function createApiToken(
	database: Database,
	scope: WorkspaceScope,
	input: z.output<typeof apiTokenInputSchema>
): Promise<{ id: string; token: string }> {
	const token = API_TOKEN_PREFIX + generateSecretToken();
	const id = newId();
	await database.write((tx) =>
		tx.insert(apiTokens).values({
			id,
			workspaceId: scope.workspaceId,
			name: input.name,
			roles: input.roles,
			tokenHash: hashSecretToken(token),
			createdBy: scope.userId,
			createdAt: new Date()
		})
	);
	return { id, token };
}

export function listApiTokens(database: Database, scope: WorkspaceScope): Promise<ApiTokenRow[]> {
	return database.db
		.select({ id: apiTokens.id, name: apiTokens.name, roles: apiTokens.roles, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
		.from(apiTokens)
		.where(and(eq(apiTokens.workspaceId, scope.workspaceId), isNull(apiTokens.revokedAt)))
		.orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(database: Database, scope: WorkspaceScope, id: string): Promise<void> {
	await database.write(async (tx) => {
		const done = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, id), eq(apiTokens.workspaceId, scope.workspaceId), isNull(apiTokens.revokedAt)))
			.returning({ id: apiTokens.id });
		if (done.length === 0) throw new UserError('not_found');
	});
}

/** The scope a bearer token acts in, or null when the token is unknown or revoked. */
export async function resolveApiToken(database: Database, token: string): Promise<WorkspaceScope | null> {
	if (!token.startsWith(API_TOKEN_PREFIX)) return null;
	const [row] = await database.db
		.select({ id: apiTokens.id, workspaceId: apiTokens.workspaceId, workspaceName: workspaces.name, roles: apiTokens.roles, createdBy: apiTokens.createdBy, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
		.from(apiTokens)
		.innerJoin(workspaces, eq(workspaces.id, apiTokens.workspaceId))
		.where(eq(apiTokens.tokenHash, hashSecretToken(token)));
	if (!row || row.revokedAt) return null;
	const now = new Date();
	// Record use at most once a minute: a token polled in a loop must not write on every call.
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
		await database.write((tx) => tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)));
	}
	return {
		workspaceId: row.workspaceId,
		workspaceName: row.workspaceName,
		roles: row.roles,
		userId: row.createdBy,
		membershipId: null,
		via: 'token'
	};
}
