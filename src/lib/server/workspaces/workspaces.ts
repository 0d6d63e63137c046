import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { memberships, workspaces } from '../db/schema';
import type { Role } from '../access/roles';
import { newId } from '../ids';
import { seedCrmTx } from '../crm/entity-types';

export const workspaceNameSchema = z.string().trim().min(1, 'required').max(120);

/** Creates a workspace inside a transaction; `ownerId` becomes its owner. */
export async function createWorkspaceTx(tx: Tx, ownerId: string, name: string, now = new Date()): Promise<string> {
	const id = newId();
	await tx.insert(workspaces).values({ id, name, createdAt: now });
	await tx
		.insert(memberships)
		.values({ id: newId(), workspaceId: id, userId: ownerId, roles: ['owner'], createdAt: now });
	await seedCrmTx(tx, id, now);
	return id;
}

export function createWorkspace(database: Database, ownerId: string, name: string): Promise<string> {
	return database.write((tx) => createWorkspaceTx(tx, ownerId, name));
}

export interface UserWorkspace {
	id: string;
	name: string;
	roles: Role[];
	membershipId: string;
}

export async function listUserWorkspaces(database: Database, userId: string): Promise<UserWorkspace[]> {
	return database.db
		.select({ id: workspaces.id, name: workspaces.name, roles: memberships.roles, membershipId: memberships.id })
		.from(memberships)
		.innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(workspaces.name));
}

export async function findMembership(
	database: Database,
	workspaceId: string,
	userId: string
): Promise<{ membershipId: string; roles: Role[]; workspaceName: string } | null> {
	const [row] = await database.db
		.select({ membershipId: memberships.id, roles: memberships.roles, workspaceName: workspaces.name })
		.from(memberships)
		.innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
	return row ?? null;
}
