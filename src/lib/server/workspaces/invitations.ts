import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { invitations, memberships, users, workspaces } from '../db/schema';
import { rolesSchema, type Role } from '../access/roles';
import type { WorkspaceScope } from '../access/scope';
import { generateSecretToken, hashSecretToken } from '../auth/tokens';
import { UserError } from '../errors';
import { newId } from '../ids';
import { checkGroupIds, existingGroupIds } from './groups';
import { setMemberGroups } from './members';

/** Invitations are shown to the owner as a link and work once, for 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export const invitationInputSchema = z.object({
	roles: rolesSchema,
	groupIds: z.array(z.string()).default([]),
	note: z.string().trim().max(200).optional()
});
export type InvitationInput = z.input<typeof invitationInputSchema>;

export interface CreatedInvitation {
	id: string;
	token: string;
	/** Path of the acceptance page; the caller prefixes the origin. */
	path: string;
	expiresAt: Date;
}

export async function createInvitation(
	database: Database,
	scope: WorkspaceScope,
	input: z.output<typeof invitationInputSchema>,
	now = new Date()
): Promise<CreatedInvitation> {
	const token = generateSecretToken();
	const id = newId();
	const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
	await database.write(async (tx) => {
		const groupIds = await checkGroupIds(tx, scope.workspaceId, input.groupIds);
		await tx.insert(invitations).values({
			id,
			workspaceId: scope.workspaceId,
			tokenHash: hashSecretToken(token),
			roles: input.roles,
			groupIds,
			note: input.note ?? null,
			createdBy: scope.userId,
			createdAt: now,
			expiresAt
		});
	});
	return { id, token, path: `/invite/${token}`, expiresAt };
}

export interface PendingInvitation {
	id: string;
	roles: Role[];
	note: string | null;
	createdAt: Date;
	expiresAt: Date;
}

export function listPendingInvitations(database: Database, scope: WorkspaceScope, now = new Date()): Promise<PendingInvitation[]> {
	return database.db
		.select({
			id: invitations.id,
			roles: invitations.roles,
			note: invitations.note,
			createdAt: invitations.createdAt,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.where(
			and(
				eq(invitations.workspaceId, scope.workspaceId),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now)
			)
		)
		.orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(database: Database, scope: WorkspaceScope, id: string): Promise<void> {
	await database.write(async (tx) => {
		const done = await tx
			.update(invitations)
			.set({ revokedAt: new Date() })
			.where(and(eq(invitations.id, id), eq(invitations.workspaceId, scope.workspaceId), isNull(invitations.acceptedAt)))
			.returning({ id: invitations.id });
		if (done.length === 0) throw new UserError('not_found');
	});
}

export interface InvitationPreview {
	workspaceId: string;
	workspaceName: string;
	roles: Role[];
	invitedBy: string;
}

/** What the acceptance page shows; null when the link is unknown, used, revoked or expired. */
export async function previewInvitation(database: Database, token: string, now = new Date()): Promise<InvitationPreview | null> {
	const [row] = await database.db
		.select({
			workspaceId: invitations.workspaceId,
			workspaceName: workspaces.name,
			roles: invitations.roles,
			invitedBy: users.name,
			expiresAt: invitations.expiresAt,
			acceptedAt: invitations.acceptedAt,
			revokedAt: invitations.revokedAt
		})
		.from(invitations)
		.innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
		.innerJoin(users, eq(users.id, invitations.createdBy))
		.where(eq(invitations.tokenHash, hashSecretToken(token)));
	if (!row || row.acceptedAt || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return null;
	return { workspaceId: row.workspaceId, workspaceName: row.workspaceName, roles: row.roles, invitedBy: row.invitedBy };
}

/**
 * Accepts an invitation for `userId`: the link is spent in the same transaction
 * that creates the membership, so it works exactly once.
 */
export function acceptInvitation(database: Database, token: string, userId: string, now = new Date()): Promise<string> {
	return database.write(async (tx) => {
		const [inv] = await tx
			.update(invitations)
			.set({ acceptedAt: now, acceptedBy: userId })
			.where(
				and(
					eq(invitations.tokenHash, hashSecretToken(token)),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt),
					gt(invitations.expiresAt, now)
				)
			)
			.returning();
		if (!inv) throw new UserError('invitation_invalid');
		const [existing] = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.workspaceId, inv.workspaceId), eq(memberships.userId, userId)));
		if (existing) throw new UserError('already_member');
		const membershipId = newId();
		await tx
			.insert(memberships)
			.values({ id: membershipId, workspaceId: inv.workspaceId, userId, roles: inv.roles, createdAt: now });
		// Groups deleted since the invitation was made are skipped, not an error.
		await setMemberGroups(tx, inv.workspaceId, membershipId, await existingGroupIds(tx, inv.workspaceId, inv.groupIds));
		return inv.workspaceId;
	});
}
