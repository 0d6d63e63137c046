import type { Role } from '$lib/roles';
import type { WorkspaceScope } from '$lib/server/access/scope';
import { memberships } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { createGroup } from '$lib/server/workspaces/groups';
import { setMemberGroups } from '$lib/server/workspaces/members';
import { addMember, makeWorkspace, scopeOf } from '../../../helpers/fixtures';
import { tempDatabase } from '../../../helpers/temp-db';

export type TestDb = Awaited<ReturnType<typeof tempDatabase>>;

export interface Person {
	userId: string;
	membershipId: string;
	scope: WorkspaceScope;
}

/** A migrated temp database with a workspace whose owner is `owner`; `person` adds members. */
export async function crmWorkspace(label = 'crm') {
	const db = await tempDatabase(label);
	const { workspaceId, ownerId } = await makeWorkspace(db, `owner-${label}@example.com`);
	const [own] = await db.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, ownerId));
	const owner: Person = { userId: ownerId, membershipId: own!.id, scope: scopeOf(workspaceId, ownerId, own!.id, ['owner']) };
	let n = 0;
	async function person(roles: Role[], name = `person${++n}`): Promise<Person> {
		const { userId, membershipId } = await addMember(db, workspaceId, `${name}-${label}@example.com`, roles);
		return { userId, membershipId, scope: scopeOf(workspaceId, userId, membershipId, roles) };
	}
	async function group(name: string, members: Person[]): Promise<string> {
		const id = await createGroup(db, owner.scope, name);
		for (const m of members) await db.write((tx) => setMemberGroups(tx, workspaceId, m.membershipId, [id]));
		return id;
	}
	async function setAbsent(p: Person, absent: boolean): Promise<void> {
		await db.write((tx) => tx.update(memberships).set({ absent }).where(eq(memberships.id, p.membershipId)));
	}
	return { db, workspaceId, owner, person, group, setAbsent };
}
