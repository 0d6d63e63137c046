import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { memberships, users } from '../db/schema';

export interface Approver {
	userId: string;
	name: string;
}

/** The workspace's current approvers: members whose roles include `approver`. */
export function workspaceApprovers(db: Db | Tx, workspaceId: string): Promise<Approver[]> {
	return db
		.select({ userId: users.id, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.workspaceId, workspaceId), sql`exists (select 1 from json_each(${memberships.roles}) where value = 'approver')`))
		.orderBy(users.name);
}
