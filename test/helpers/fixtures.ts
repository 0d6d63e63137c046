import type { Database } from '$lib/server/db';
import { memberships, users } from '$lib/server/db/schema';
import { newId } from '$lib/server/ids';
import type { Role } from '$lib/roles';
import type { WorkspaceScope } from '$lib/server/access/scope';
import { createWorkspace } from '$lib/server/workspaces/workspaces';

/** A user row with a cheap, fixed password hash (the argon2 path is tested on its own). */
export async function makeUser(database: Database, email: string, name = email.split('@')[0]!): Promise<string> {
	const id = newId();
	await database.write((tx) =>
		tx.insert(users).values({ id, email, name, passwordHash: 'not-a-real-hash', createdAt: new Date() })
	);
	return id;
}

export async function makeWorkspace(database: Database, ownerEmail: string, name = 'Test company') {
	const ownerId = await makeUser(database, ownerEmail);
	const workspaceId = await createWorkspace(database, ownerId, name);
	return { workspaceId, ownerId };
}

export async function addMember(database: Database, workspaceId: string, email: string, roles: Role[]) {
	const userId = await makeUser(database, email);
	const membershipId = newId();
	await database.write((tx) =>
		tx.insert(memberships).values({ id: membershipId, workspaceId, userId, roles, createdAt: new Date() })
	);
	return { userId, membershipId };
}

/** A scope as the access hook would build it for a session. */
export function scopeOf(workspaceId: string, userId: string, membershipId: string | null, roles: Role[]): WorkspaceScope {
	return { workspaceId, workspaceName: 'Test company', userId, membershipId, roles, via: 'session' };
}
