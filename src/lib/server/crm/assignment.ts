import { and, eq, max, or } from 'drizzle-orm';
import type { Database, Tx } from '../db';
import { crmAssignmentTurns, crmRecordObservers, crmRecords, groupMembers, groups, memberships, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import type { CrmActor } from './actor';
import { loadRecord, requireVisibleRecord } from './record-read';
import { countOpenTasks } from './tasks';
import { appendTimeline } from './timeline';

/**
 * Who gets a lead or a task (DESIGN: `potok:assignment`):
 * - `user`: a fixed person (id or e-mail of a member), even when absent;
 * - `round-robin` over a group: the present member whose turn is oldest —
 *   turns are rows in the database, so the rotation is fair across restarts
 *   and across app processes, and a member back from absence gets one and
 *   rejoins the rotation instead of being flooded;
 * - `least-loaded` in a group: the present member with the fewest open tasks
 *   (ties by oldest turn).
 * Absent members are skipped. An `expression` rule is evaluated by the
 * runtime and comes here as the `user` it named.
 */
export type AssignmentRule = { type: 'user'; user: string } | { type: 'round-robin'; group: string } | { type: 'least-loaded'; group: string };

export interface AssignmentChoice {
	rule: AssignmentRule['type'];
	/** Null when nobody in the group is present. */
	userId: string | null;
	groupId: string | null;
	groupName: string | null;
	/** Members passed over because they are absent. */
	skippedAbsent: string[];
	/** For least-loaded: open tasks of each present member when the choice was made. */
	load?: Record<string, number>;
}

async function resolveUser(tx: Tx, workspaceId: string, user: string): Promise<{ userId: string; absent: boolean }> {
	const [row] = await tx
		.select({ userId: memberships.userId, absent: memberships.absent })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.workspaceId, workspaceId), or(eq(users.id, user), eq(users.email, user.trim().toLowerCase()))));
	if (!row) throw new UserError('validation', {}, [{ field: 'assignment.user', message: `unknown_user:${user}` }]);
	return row;
}

async function resolveGroup(tx: Tx, workspaceId: string, group: string) {
	const [row] = await tx
		.select({ id: groups.id, name: groups.name })
		.from(groups)
		.where(and(eq(groups.workspaceId, workspaceId), or(eq(groups.id, group), eq(groups.name, group.trim()))));
	if (!row) throw new UserError('validation', {}, [{ field: 'assignment.group', message: `unknown_group:${group}` }]);
	const members = await tx
		.select({ userId: memberships.userId, absent: memberships.absent, turn: crmAssignmentTurns.lastTurn })
		.from(groupMembers)
		.innerJoin(memberships, eq(memberships.id, groupMembers.membershipId))
		.leftJoin(crmAssignmentTurns, and(eq(crmAssignmentTurns.groupId, row.id), eq(crmAssignmentTurns.userId, memberships.userId)))
		.where(and(eq(groupMembers.groupId, row.id), eq(memberships.workspaceId, workspaceId)));
	return { ...row, members: members.map((m) => ({ ...m, turn: m.turn ?? -1 })) };
}

async function takeTurn(tx: Tx, workspaceId: string, groupId: string, userId: string): Promise<void> {
	const [last] = await tx.select({ turn: max(crmAssignmentTurns.lastTurn) }).from(crmAssignmentTurns).where(eq(crmAssignmentTurns.groupId, groupId));
	const turn = (last?.turn ?? 0) + 1;
	await tx
		.insert(crmAssignmentTurns)
		.values({ workspaceId, groupId, userId, lastTurn: turn })
		.onConflictDoUpdate({ target: [crmAssignmentTurns.groupId, crmAssignmentTurns.userId], set: { lastTurn: turn } });
}

/** Picks the assignee by the rule and records the turn; call inside the transaction that uses the choice. */
export async function chooseAssignee(tx: Tx, workspaceId: string, rule: AssignmentRule): Promise<AssignmentChoice> {
	if (rule.type === 'user') {
		const { userId } = await resolveUser(tx, workspaceId, rule.user);
		return { rule: rule.type, userId, groupId: null, groupName: null, skippedAbsent: [] };
	}
	const group = await resolveGroup(tx, workspaceId, rule.group);
	const present = group.members.filter((m) => !m.absent);
	const choice: AssignmentChoice = {
		rule: rule.type,
		userId: null,
		groupId: group.id,
		groupName: group.name,
		skippedAbsent: group.members.filter((m) => m.absent).map((m) => m.userId).sort()
	};
	if (present.length === 0) return choice;
	let ranked = present.map((m) => ({ ...m, load: 0 }));
	if (rule.type === 'least-loaded') {
		const load = await countOpenTasks(tx, workspaceId, present.map((m) => m.userId));
		ranked = ranked.map((m) => ({ ...m, load: load.get(m.userId) ?? 0 }));
		choice.load = Object.fromEntries(ranked.map((m) => [m.userId, m.load]));
	}
	ranked.sort((a, b) => a.load - b.load || a.turn - b.turn || a.userId.localeCompare(b.userId));
	choice.userId = ranked[0]!.userId;
	await takeTurn(tx, workspaceId, group.id, choice.userId);
	return choice;
}

/** Writes a choice to a record's timeline (`assigned`); `subject` says what was assigned when it is not the record itself (a task). */
export async function recordAssignmentTx(tx: Tx, actor: CrmActor, recordId: string, choice: AssignmentChoice, subject: Record<string, unknown> = {}, at = new Date()): Promise<void> {
	await appendTimeline(tx, { workspaceId: actor.workspaceId, recordId, kind: 'assigned', actorId: actor.userId, payload: { ...choice, ...subject }, at });
}

/**
 * Makes the chosen person the record's responsible and writes the choice to
 * its timeline. When nobody is available the record keeps its responsible and
 * the timeline says so.
 */
export async function assignRecordTx(tx: Tx, actor: CrmActor, recordId: string, rule: AssignmentRule, at = new Date()): Promise<AssignmentChoice> {
	const record = await loadRecord(tx, actor.workspaceId, recordId);
	if (!record) throw new UserError('not_found', { record: recordId });
	if (record.mergedInto) throw new UserError('record_merged', { into: record.mergedInto });
	const choice = await chooseAssignee(tx, actor.workspaceId, rule);
	if (choice.userId && choice.userId !== record.responsibleId) {
		await tx.update(crmRecords).set({ responsibleId: choice.userId, updatedAt: at }).where(eq(crmRecords.id, recordId));
		// The new responsible is no longer an observer of the same record.
		await tx.delete(crmRecordObservers).where(and(eq(crmRecordObservers.recordId, recordId), eq(crmRecordObservers.userId, choice.userId)));
	}
	await recordAssignmentTx(tx, actor, recordId, choice, { previousResponsibleId: record.responsibleId }, at);
	return choice;
}

export async function assignRecord(database: Database, scope: WorkspaceScope, recordId: string, rule: AssignmentRule): Promise<AssignmentChoice> {
	return database.write(async (tx) => {
		await requireVisibleRecord(tx, scope, recordId);
		return assignRecordTx(tx, { workspaceId: scope.workspaceId, userId: scope.userId }, recordId, rule);
	});
}
