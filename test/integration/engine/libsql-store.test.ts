/**
 * The libsql Store against the in-memory one: every conformance fixture is
 * driven by the same generic script (start what has a none start event, then
 * repeatedly complete the oldest open task, fire the next due timer or finish
 * the oldest job) on both stores, and the record streams must be identical.
 * Then what only a database can show: tenants do not see each other, a stale
 * version is refused, and nothing of a failed command is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn } from '$lib/bpmn';
import { Engine, MemoryStore, VirtualClock, VersionConflictError, emptyChanges, type RecordInput, type Store, type TaskRow, type TimerRow } from '$lib/engine';
import { LibsqlStore } from '$lib/server/engine-store/libsql-store';
import { tempDatabase } from '../../helpers/temp-db';

const FIXTURES = 'test/engine/fixtures';

interface Inspect {
	tasks(): Promise<TaskRow[]>;
	timers(): Promise<TimerRow[]>;
}

async function drive(xml: string, store: Store, inspect: Inspect): Promise<string[]> {
	const clock = new VirtualClock('2026-01-01T00:00:00Z');
	const engine = new Engine({ store, clock });
	const parsed = await parseBpmn(xml);
	if (!parsed.ok) return ['parse failed'];
	const deployed = await engine.deploy(parsed.model);
	if (!deployed.ok) return ['compile failed'];
	const out: string[] = [];
	const ids = new Map<string, string>();
	const name = (id: string) => {
		if (!ids.has(id)) ids.set(id, `#${ids.size + 1}`);
		return ids.get(id)!;
	};
	const log = (records: RecordInput[]) => {
		for (const r of records) out.push([r.at, name(r.instance), r.event, r.element ?? '', r.token ?? '', r.message ?? '', r.stage ?? '', r.status ?? ''].join(' '));
	};
	const attempt = async (label: string, run: () => Promise<{ records: RecordInput[] }>) => {
		try {
			log((await run()).records);
		} catch (e) {
			let message = (e as Error).message;
			for (const [id, alias] of ids) message = message.replaceAll(id, alias);
			out.push(`${label} refused: ${message}`);
		}
	};
	for (const process of parsed.model.processes) {
		const noneStart = process.elements.some((e) => e.type === 'bpmn:StartEvent' && !e.eventDefinitions?.length);
		if (process.isExecutable && noneStart) await attempt(`start ${process.id}`, () => engine.startInstance({ processId: process.id }));
	}
	for (let step = 0; step < 40; step++) {
		const tasks = (await inspect.tasks()).sort(
			(a, b) => a.createdAt - b.createdAt || name(a.instanceId).localeCompare(name(b.instanceId)) || a.tokenId - b.tokenId
		);
		const task = tasks[0];
		if (task) {
			await attempt(`complete ${task.elementId}`, () => engine.completeTask({ instanceId: task.instanceId, tokenId: task.tokenId }));
			continue;
		}
		const timer = (await inspect.timers()).sort((a, b) => a.dueAt - b.dueAt)[0];
		if (timer) {
			clock.set(Math.max(clock.now(), timer.dueAt));
			log((await engine.fireDueTimers()).records);
			continue;
		}
		const [job] = await engine.activateJobs(undefined, 1);
		if (job) {
			await attempt(`job ${job.elementId}`, () => engine.completeJob(job.id));
			continue;
		}
		break;
	}
	return out;
}

describe('libsql engine store', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		db = await tempDatabase('engine-store');
	});
	afterAll(() => db.dispose());

	const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.bpmn'));
	it('has fixtures to compare', () => expect(fixtures.length).toBeGreaterThan(30));

	for (const fixture of fixtures) {
		it(`${fixture}: the same record stream as the in-memory store`, async () => {
			const xml = readFileSync(join(FIXTURES, fixture), 'utf8');
			const memory = new MemoryStore();
			const expected = await drive(xml, memory, {
				tasks: async () => [...memory.tasks.values()],
				timers: async () => [...memory.timers.values()]
			});
			const libsql = new LibsqlStore(db, `tenant-${fixture}`);
			const actual = await drive(xml, libsql, { tasks: () => libsql.openTasks(), timers: () => libsql.pendingTimers() });
			expect(actual).toEqual(expected);
			const history = await libsql.records({});
			expect(history.map((r) => r.seq)).toEqual([...history.keys()].map((i) => history[0]!.seq + i));
		});
	}

	it('keeps tenants apart: the same process id in two workspaces is two definitions', async () => {
		const xml = readFileSync(join(FIXTURES, 'user-task.bpmn'), 'utf8');
		const parsed = await parseBpmn(xml);
		if (!parsed.ok) throw new Error('fixture does not parse');
		const a = new LibsqlStore(db, 'tenant-a');
		const b = new LibsqlStore(db, 'tenant-b');
		const engineA = new Engine({ store: a, clock: new VirtualClock() });
		const engineB = new Engine({ store: b, clock: new VirtualClock() });
		await engineA.deploy(parsed.model);
		const processId = parsed.model.processes[0]!.id;
		await engineA.startInstance({ processId });
		await expect(engineB.startInstance({ processId })).rejects.toThrow();
		expect(await b.openTasks()).toEqual([]);
		expect(await a.openTasks()).toHaveLength(1);
		expect(await b.records({})).toEqual([]);
	});

	it('refuses a stale instance version and writes nothing of that transaction', async () => {
		const store = new LibsqlStore(db, 'tenant-version');
		const xml = readFileSync(join(FIXTURES, 'user-task.bpmn'), 'utf8');
		const parsed = await parseBpmn(xml);
		if (!parsed.ok) throw new Error('fixture does not parse');
		const engine = new Engine({ store, clock: new VirtualClock() });
		await engine.deploy(parsed.model);
		const { value: id } = await engine.startInstance({ processId: parsed.model.processes[0]!.id });
		const before = await store.records({});
		const stale = store.transaction(async (tx) => {
			const row = (await tx.loadInstance(id))!;
			await tx.apply({
				instances: [{ row: { ...row, version: row.version + 1 }, expectedVersion: row.version - 1 }],
				records: [{ at: 0, instance: id, event: 'variables.changed' }],
				timers: { put: [], remove: [] },
				messageSubscriptions: { put: [], remove: [] },
				signalSubscriptions: { put: [], remove: [] },
				jobs: { put: [], remove: [] },
				tasks: { put: [], remove: [] },
				bufferedMessages: { put: [], remove: [] }
			});
		});
		await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
		expect(await store.records({})).toEqual(before);
	});

	it('refuses to create an instance whose id exists already', async () => {
		const store = new LibsqlStore(db, 'tenant-clash');
		const parsed = await parseBpmn(readFileSync(join(FIXTURES, 'user-task.bpmn'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture does not parse');
		const engine = new Engine({ store, clock: new VirtualClock() });
		await engine.deploy(parsed.model);
		const { value: id } = await engine.startInstance({ processId: parsed.model.processes[0]!.id });
		const before = await store.records({});
		const row = (await store.transaction(async (tx) => tx.loadInstance(id)))!;
		const clash = store.transaction(async (tx) => {
			const changes = emptyChanges();
			changes.instances.push({ row: { ...row, version: 1 }, expectedVersion: 0 });
			changes.records.push({ at: 0, instance: id, event: 'instance.started' });
			await tx.apply(changes);
		});
		await expect(clash).rejects.toBeInstanceOf(VersionConflictError);
		expect(await store.records({})).toEqual(before);
	});

	it('writes text with quotes, NUL and any Unicode exactly as given (correlation keys come from outside)', async () => {
		const store = new LibsqlStore(db, "tenant-'quoted'");
		const parsed = await parseBpmn(readFileSync(join(FIXTURES, 'message-catch.bpmn'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture does not parse');
		const engine = new Engine({ store, clock: new VirtualClock() });
		await engine.deploy(parsed.model);
		const key = "o'rder'); drop table engine_instances; --\u0000 ключ 🧾";
		const variables = { note: "it's \u0000 fine", nested: { emoji: '🧾', quote: "''" } };

		await engine.correlateMessage({ name: 'payment.received', correlationKey: key, variables, timeToLive: 'PT1H' });
		const { value: id } = await engine.startInstance({ processId: 'wait_payment', variables: { orderId: key } });

		const history = await store.records({ instanceId: id });
		expect(history.at(-1)?.event).toBe('instance.completed');
		expect(history.find((r) => r.event === 'variables.changed')?.variables).toEqual(variables);
		const state = await store.transaction((tx) => tx.loadInstance(id));
		expect(state?.state.tokens[0]?.v).toEqual({ orderId: key, ...variables });
	});

	it('starts the version another app process published last, though this one had cached an older one', async () => {
		const v1 = await parseBpmn(readFileSync(join(FIXTURES, 'user-task.bpmn'), 'utf8'));
		const v2 = await parseBpmn(readFileSync(join(FIXTURES, 'user-task.bpmn'), 'utf8').replace('name="Call the lead"', 'name="Call the lead again"'));
		if (!v1.ok || !v2.ok) throw new Error('fixture does not parse');
		// two stores on one tenant, as two app processes: each has its own cache
		const here = new LibsqlStore(db, 'tenant-versions');
		const there = new LibsqlStore(db, 'tenant-versions');
		const engineHere = new Engine({ store: here, clock: new VirtualClock() });
		const engineThere = new Engine({ store: there, clock: new VirtualClock() });
		await engineHere.deploy(v1.model);
		const first = await engineHere.startInstance({ processId: 'call_lead' });

		const published = await engineThere.deploy(v2.model);
		const second = await engineHere.startInstance({ processId: 'call_lead' });
		const republished = await engineHere.deploy(v1.model);

		expect(published).toMatchObject({ ok: true, definitions: [{ version: 2, isNew: true }] });
		const definitionOf = async (id: string) => (await here.records({ instanceId: id })).find((r) => r.event === 'instance.started')?.definition;
		expect(await definitionOf(first.value)).toBe('call_lead:1');
		expect(await definitionOf(second.value)).toBe('call_lead:2');
		expect(republished).toMatchObject({ ok: true, definitions: [{ version: 3, isNew: true }] });
	});
});
