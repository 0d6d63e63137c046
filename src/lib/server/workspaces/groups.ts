import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db';
import { groups } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';

export const groupNameSchema = z.string().trim().min(1, 'required').max(80);

export interface Group {
	id: string;
	name: string;
}

export function listGroups(database: Database, scope: WorkspaceScope): Promise<Group[]> {
	return database.db
		.select({ id: groups.id, name: groups.name })
		.from(groups)
		.where(eq(groups.workspaceId, scope.workspaceId))
		.orderBy(asc(groups.name));
}

async function assertNameFree(tx: Tx, scope: WorkspaceScope, name: string, exceptId?: string): Promise<void> {
	const [clash] = await tx
		.select({ id: groups.id })
		.from(groups)
		.where(and(eq(groups.workspaceId, scope.workspaceId), eq(groups.name, name)));
	if (clash && clash.id !== exceptId) {
		throw new UserError('conflict', { name }, [{ field: 'name', message: 'group_exists' }]);
	}
}

export function createGroup(database: Database, scope: WorkspaceScope, name: string): Promise<string> {
	return database.write(async (tx) => {
		await assertNameFree(tx, scope, name);
		const id = newId();
		await tx.insert(groups).values({ id, workspaceId: scope.workspaceId, name, createdAt: new Date() });
		return id;
	});
}

export function renameGroup(database: Database, scope: WorkspaceScope, groupId: string, name: string): Promise<void> {
	return database.write(async (tx) => {
		await assertNameFree(tx, scope, name, groupId);
		const done = await tx
			.update(groups)
			.set({ name })
			.where(and(eq(groups.id, groupId), eq(groups.workspaceId, scope.workspaceId)))
			.returning({ id: groups.id });
		if (done.length === 0) throw new UserError('not_found');
	});
}

export function deleteGroup(database: Database, scope: WorkspaceScope, groupId: string): Promise<void> {
	return database.write(async (tx) => {
		const done = await tx
			.delete(groups)
			.where(and(eq(groups.id, groupId), eq(groups.workspaceId, scope.workspaceId)))
			.returning({ id: groups.id });
		if (done.length === 0) throw new UserError('not_found');
	});
}

/** The ids, deduplicated, that still name a group of the workspace. */
export async function existingGroupIds(tx: Tx, workspaceId: string, ids: string[]): Promise<string[]> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return unique;
	const found = await tx
		.select({ id: groups.id })
		.from(groups)
		.where(and(eq(groups.workspaceId, workspaceId), inArray(groups.id, unique)));
	const known = new Set(found.map((g) => g.id));
	return unique.filter((id) => known.has(id));
}

/** Checks that every id names a group of the workspace; returns them deduplicated. */
export async function checkGroupIds(tx: Tx, workspaceId: string, ids: string[]): Promise<string[]> {
	const known = new Set(await existingGroupIds(tx, workspaceId, ids));
	const unique = [...new Set(ids)];
	const unknown = unique.filter((id) => !known.has(id));
	if (unknown.length > 0) {
		throw new UserError(
			'validation',
			{},
			unknown.map((id) => ({ field: 'groupIds', message: `unknown_group:${id}` }))
		);
	}
	return unique;
}
