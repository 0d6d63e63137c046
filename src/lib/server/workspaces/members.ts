import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { groupMembers, groups, memberships, users } from '../db/schema';
import { rolesSchema, type Role } from '../access/roles';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { checkGroupIds } from './groups';

export interface Member {
	id: string;
	userId: string;
	email: string;
	name: string;
	roles: Role[];
	absent: boolean;
	groups: { id: string; name: string }[];
}

export async function listMembers(database: Database, scope: WorkspaceScope): Promise<Member[]> {
	const rows = await database.db
		.select({
			id: memberships.id,
			userId: users.id,
			email: users.email,
			name: users.name,
			roles: memberships.roles,
			absent: memberships.absent
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.workspaceId, scope.workspaceId))
		.orderBy(asc(users.name));
	const links = await database.db
		.select({ membershipId: groupMembers.membershipId, id: groups.id, name: groups.name })
		.from(groupMembers)
		.innerJoin(groups, eq(groups.id, groupMembers.groupId))
		.where(eq(groups.workspaceId, scope.workspaceId))
		.orderBy(asc(groups.name));
	return rows.map((m) => ({
		...m,
		groups: links.filter((l) => l.membershipId === m.id).map(({ id, name }) => ({ id, name }))
	}));
}

export const memberUpdateSchema = z.object({
	roles: rolesSchema.optional(),
	groupIds: z.array(z.string()).optional(),
	absent: z.boolean().optional()
});
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

async function countOwners(tx: Tx, workspaceId: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)` })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), sql`exists (select 1 from json_each(${memberships.roles}) where value = 'owner')`));
	return row?.n ?? 0;
}

async function loadMember(tx: Tx, scope: WorkspaceScope, memberId: string) {
	const [member] = await tx
		.select()
		.from(memberships)
		.where(and(eq(memberships.id, memberId), eq(memberships.workspaceId, scope.workspaceId)));
	if (!member) throw new UserError('not_found');
	return member;
}

/** Replaces a member's groups inside a transaction. */
export async function setMemberGroups(tx: Tx, workspaceId: string, membershipId: string, groupIds: string[]): Promise<void> {
	const ids = await checkGroupIds(tx, workspaceId, groupIds);
	await tx.delete(groupMembers).where(eq(groupMembers.membershipId, membershipId));
	if (ids.length > 0) {
		await tx.insert(groupMembers).values(ids.map((groupId) => ({ groupId, membershipId })));
	}
}

/** Changes roles, groups or the absent flag. The last owner cannot lose the owner role. */
export function updateMember(database: Database, scope: WorkspaceScope, memberId: string, change: MemberUpdate): Promise<void> {
	return database.write(async (tx) => {
		const member = await loadMember(tx, scope, memberId);
		if (change.roles) {
			const losesOwner = member.roles.includes('owner') && !change.roles.includes('owner');
			if (losesOwner && (await countOwners(tx, scope.workspaceId)) <= 1) throw new UserError('last_owner');
		}
		const set: Partial<typeof memberships.$inferInsert> = {};
		if (change.roles) set.roles = change.roles;
		if (change.absent !== undefined) set.absent = change.absent;
		if (Object.keys(set).length > 0) await tx.update(memberships).set(set).where(eq(memberships.id, memberId));
		if (change.groupIds) await setMemberGroups(tx, scope.workspaceId, memberId, change.groupIds);
	});
}

export function removeMember(database: Database, scope: WorkspaceScope, memberId: string): Promise<void> {
	return database.write(async (tx) => {
		const member = await loadMember(tx, scope, memberId);
		if (member.roles.includes('owner') && (await countOwners(tx, scope.workspaceId)) <= 1) {
			throw new UserError('last_owner');
		}
		await tx.delete(memberships).where(eq(memberships.id, memberId));
	});
}
