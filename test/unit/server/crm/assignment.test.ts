import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, type Database } from '$lib/server/db/connect';
import { createRecordTx, getRecord } from '$lib/server/crm/records';
import { assignRecord, assignRecordTx, chooseAssignee, type AssignmentRule } from '$lib/server/crm/assignment';
import { listTimeline } from '$lib/server/crm/timeline';
import { countOpenTasks, createTask } from '$lib/server/crm/tasks';
import { crmWorkspace, type Person } from './crm-fixtures';

type AssignModule = typeof import('$lib/server/crm/assignment');

/** A lead arrives from an integration (no responsible) and is distributed in the same transaction. */
async function incomingLead(db: Database, workspaceId: string, rule: AssignmentRule, n: number, assign: AssignModule['assignRecordTx'] = assignRecordTx) {
	return db.write(async (tx) => {
		const actor = { workspaceId, userId: null };
		const { id } = await createRecordTx(tx, actor, { type: 'lead', title: `Заявка ${n}`, responsibleId: null });
		const choice = await assign(tx, actor, id, rule);
		return { id, userId: choice.userId };
	});
}

function tally(results: { userId: string | null }[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const r of results) counts[r.userId ?? 'nobody'] = (counts[r.userId ?? 'nobody'] ?? 0) + 1;
	return counts;
}

describe('assignment and lead distribution', () => {
	let w: Awaited<ReturnType<typeof crmWorkspace>>;
	let anna: Person;
	let boris: Person;
	let vera: Person;
	let sales: string;
	beforeEach(async () => {
		w = await crmWorkspace('assign');
		anna = await w.person(['employee'], 'anna');
		boris = await w.person(['employee'], 'boris');
		vera = await w.person(['employee'], 'vera');
		sales = await w.group('Отдел продаж', [anna, boris, vera]);
	});
	afterEach(() => w.db.dispose());

	it('a fixed user is found by id or by e-mail and written to the timeline', async () => {
		const byEmail = await incomingLead(w.db, w.workspaceId, { type: 'user', user: 'Boris-Assign@Example.com' }, 1);
		expect(byEmail.userId).toBe(boris.userId);
		const lead = await getRecord(w.db, w.owner.scope, byEmail.id);
		expect(lead.responsibleId).toBe(boris.userId);
		const [entry] = await listTimeline(w.db, w.owner.scope, byEmail.id);
		expect(entry).toMatchObject({ kind: 'assigned', actorId: null, payload: { rule: 'user', userId: boris.userId, previousResponsibleId: null } });
		await expect(incomingLead(w.db, w.workspaceId, { type: 'user', user: 'nobody@example.com' }, 2)).rejects.toMatchObject({
			details: [{ field: 'assignment.user', message: 'unknown_user:nobody@example.com' }]
		});
	});

	it('round-robin is fair over 1,000 leads, and an absent member gets nothing', async () => {
		await w.setAbsent(vera, true);
		const results = [];
		for (let i = 0; i < 1000; i++) results.push(await incomingLead(w.db, w.workspaceId, { type: 'round-robin', group: sales }, i));
		expect(tally(results)).toEqual({ [anna.userId]: 500, [boris.userId]: 500 });
		// Strict alternation, not just equal totals.
		for (let i = 1; i < results.length; i++) expect(results[i]!.userId).not.toBe(results[i - 1]!.userId);
		const [entry] = await listTimeline(w.db, w.owner.scope, results[0]!.id);
		expect(entry).toMatchObject({ kind: 'assigned', payload: { rule: 'round-robin', groupId: sales, groupName: 'Отдел продаж', skippedAbsent: [vera.userId] } });
	}, 120_000);

	it('stays fair across a restart: new module state, the same database', async () => {
		const rule: AssignmentRule = { type: 'round-robin', group: 'Отдел продаж' };
		const before = [];
		for (let i = 0; i < 100; i++) before.push(await incomingLead(w.db, w.workspaceId, rule, i));

		// The process dies and starts again: a fresh connection and freshly loaded modules.
		const reopened = await connect(`file:${w.db.path}`);
		vi.resetModules();
		const fresh: AssignModule = await import('$lib/server/crm/assignment');
		expect(fresh.assignRecordTx).not.toBe(assignRecordTx);
		const after = [];
		try {
			for (let i = 100; i < 200; i++) after.push(await incomingLead(reopened, w.workspaceId, rule, i, fresh.assignRecordTx));
		} finally {
			reopened.close();
		}
		// 100 leads over 3 people: 34/33/33; the restart continues where the rotation stood.
		const last = before[99]!.userId;
		expect(after[0]!.userId).not.toBe(last);
		const counts = Object.values(tally([...before, ...after]));
		expect(counts.sort()).toEqual([66, 67, 67]);
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	}, 60_000);

	it('a member back from absence gets one lead and rejoins the rotation instead of being flooded', async () => {
		const rule: AssignmentRule = { type: 'round-robin', group: sales };
		await w.setAbsent(vera, true);
		for (let i = 0; i < 10; i++) await incomingLead(w.db, w.workspaceId, rule, i);
		await w.setAbsent(vera, false);
		const next = [];
		for (let i = 0; i < 6; i++) next.push((await incomingLead(w.db, w.workspaceId, rule, 10 + i)).userId);
		expect(next[0]).toBe(vera.userId);
		expect(next.filter((u) => u === vera.userId)).toHaveLength(2);
		expect(tally(next.map((userId) => ({ userId })))).toEqual({ [anna.userId]: 2, [boris.userId]: 2, [vera.userId]: 2 });
	});

	it('when everyone is absent nobody is picked, the record keeps its responsible, and the timeline says so', async () => {
		for (const p of [anna, boris, vera]) await w.setAbsent(p, true);
		const lead = await incomingLead(w.db, w.workspaceId, { type: 'least-loaded', group: sales }, 1);
		expect(lead.userId).toBeNull();
		expect((await getRecord(w.db, w.owner.scope, lead.id)).responsibleId).toBeNull();
		const [entry] = await listTimeline(w.db, w.owner.scope, lead.id);
		expect(entry!.payload).toMatchObject({ userId: null, skippedAbsent: [anna.userId, boris.userId, vera.userId].sort() });
		await expect(incomingLead(w.db, w.workspaceId, { type: 'round-robin', group: 'Бухгалтерия' }, 2)).rejects.toMatchObject({
			details: [{ field: 'assignment.group', message: 'unknown_group:Бухгалтерия' }]
		});
	});

	it('least-loaded picks the present member with the fewest open tasks, ties by turn', async () => {
		for (let i = 0; i < 3; i++) await createTask(w.db, w.owner.scope, { title: `Звонок ${i}`, responsibleId: anna.userId });
		await createTask(w.db, w.owner.scope, { title: 'КП', responsibleId: boris.userId });
		await createTask(w.db, w.owner.scope, { title: 'КП', responsibleId: vera.userId });
		await w.setAbsent(vera, true);
		expect(Object.fromEntries(await countOpenTasks(w.db.db, w.workspaceId, [anna.userId, boris.userId, vera.userId]))).toEqual({
			[anna.userId]: 3,
			[boris.userId]: 1,
			[vera.userId]: 1
		});
		const rule: AssignmentRule = { type: 'least-loaded', group: sales };
		const picked = await w.db.write((tx) => chooseAssignee(tx, w.workspaceId, rule));
		expect(picked).toMatchObject({ userId: boris.userId, load: { [anna.userId]: 3, [boris.userId]: 1 }, skippedAbsent: [vera.userId] });
		// Each task given to the picked person changes the next pick.
		const order = [];
		for (let i = 0; i < 4; i++) {
			const choice = await w.db.write(async (tx) => {
				const c = await chooseAssignee(tx, w.workspaceId, rule);
				return c;
			});
			await createTask(w.db, w.owner.scope, { title: `Новая ${i}`, responsibleId: choice.userId });
			order.push(choice.userId);
		}
		expect(order).toEqual([boris.userId, boris.userId, anna.userId, boris.userId]);
	});

	it('a manager reassigns a record by rule through the scoped function', async () => {
		const lead = await incomingLead(w.db, w.workspaceId, { type: 'user', user: anna.userId }, 1);
		const manager = await w.person(['manager'], 'head');
		const choice = await assignRecord(w.db, manager.scope, lead.id, { type: 'user', user: vera.userId });
		expect(choice.userId).toBe(vera.userId);
		const [entry] = await listTimeline(w.db, manager.scope, lead.id);
		expect(entry).toMatchObject({ kind: 'assigned', actorId: manager.userId, payload: { previousResponsibleId: anna.userId, userId: vera.userId } });
		await expect(assignRecord(w.db, boris.scope, lead.id, { type: 'user', user: boris.userId })).rejects.toMatchObject({ code: 'not_found' });
	});
});
