/**
 * Group commit in the libsql engine store: commands issued together share one transaction, each in
 * its own savepoint, and each is answered only once that transaction has committed.
 */
import type { Transaction } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBpmn } from '$lib/bpmn';
import { CommandError, Engine, VirtualClock } from '$lib/engine';
import type { Database } from '$lib/server/db';
import { GroupCommit } from '$lib/server/engine-store/group-commit';
import { LibsqlStore } from '$lib/server/engine-store/libsql-store';
import { tempDatabase } from '../../helpers/temp-db';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="https://potok.dev/test">
  <process id="call_lead" isExecutable="true">
    <startEvent id="lead_arrived" />
    <sequenceFlow id="to_call" sourceRef="lead_arrived" targetRef="call_lead_task" />
    <userTask id="call_lead_task" />
  </process>
</definitions>`;

describe('group commit of engine commands', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	let store: LibsqlStore;
	let engine: Engine;
	beforeEach(async () => {
		db = await tempDatabase('group-commit');
		store = new LibsqlStore(db, 'group');
		engine = new Engine({ store, clock: new VirtualClock() });
		const parsed = await parseBpmn(XML);
		if (!parsed.ok) throw new Error('the model does not parse');
		await engine.deploy(parsed.model);
	});
	afterEach(() => db.dispose());

	const count = async (sql: string) => Number((await db.client.execute(sql)).rows[0]!.n);

	it('runs commands issued together in one transaction; a refused one changes nothing and the others commit', async () => {
		const before = { ...GroupCommit.of(db).stats };

		const results = await Promise.allSettled([
			...Array.from({ length: 20 }, () => engine.startInstance({ processId: 'call_lead' })),
			engine.completeTask({ instanceId: 'nobody', tokenId: 3 })
		]);

		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
		expect((results.at(-1) as PromiseRejectedResult).reason).toBeInstanceOf(CommandError);
		expect(await count("select count(*) as n from engine_instances where tenant = 'group'")).toBe(20);
		expect(await count("select count(*) as n from engine_tasks where tenant = 'group'")).toBe(20);
		const stats = GroupCommit.of(db).stats;
		expect(stats.commands - before.commands).toBe(21);
		expect(stats.transactions - before.transactions).toBeLessThan(5);
	});

	it('rolls a command that failed after writing back to its savepoint, and commits the rest of its group', async () => {
		const parsed = await parseBpmn(XML.replaceAll('call_lead', 'other_lead'));
		if (!parsed.ok) throw new Error('the model does not parse');

		const results = await Promise.allSettled([
			engine.startInstance({ processId: 'call_lead' }),
			store.transaction(async (tx) => {
				await tx.putDefinition({ key: 'half_written:1', processId: 'half_written', version: 1, model: parsed.model.processes[0]!, deployedAt: 0 });
				throw new Error('failed after writing');
			}),
			engine.startInstance({ processId: 'call_lead' })
		]);

		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/failed after writing/);
		expect(await count("select count(*) as n from engine_definitions where key = 'half_written:1'")).toBe(0);
		expect(await count("select count(*) as n from engine_instances where tenant = 'group'")).toBe(2);
	});
});

describe('a group whose commit fails', () => {
	it('answers every command of the group with an error, none with success', async () => {
		const tx = { executeMultiple: async () => {} } as unknown as Transaction;
		const failing = {
			writeRaw: async <T>(fn: (tx: Transaction) => Promise<T>): Promise<T> => {
				await fn(tx);
				throw new Error('disk I/O error at COMMIT');
			}
		} as unknown as Database;
		const commits = new GroupCommit(failing);

		const results = await Promise.allSettled([
			commits.run(async () => 'first'),
			commits.run(async () => {
				throw new Error('refused on its own');
			}),
			commits.run(async () => 'third')
		]);

		expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.value))).toEqual([
			'Error: disk I/O error at COMMIT',
			'Error: refused on its own',
			'Error: disk I/O error at COMMIT'
		]);
	});
});
