/**
 * Durability of the libsql engine store with real processes: a worker killed
 * with SIGKILL at random moments loses nothing it acknowledged and leaves no
 * instance half-applied; two workers on one file fire each of 10,000 timers
 * exactly once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from '$lib/server/db/connect';
import { tempDbPath } from '../../helpers/temp-db';

// One process per worker (`node --import tsx`), so SIGKILL kills the worker itself, not a wrapper.
const NODE_ARGS = ['--import', 'tsx'];
const created: string[] = [];
afterAll(() => {
	for (const path of created) for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
});

function run(args: string[], onLine: (line: string) => void = () => {}): { done: Promise<number | null>; kill(): void; tell(line: string): void } {
	const child = spawn(process.execPath, [...NODE_ARGS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
	let buffer = '';
	let errors = '';
	child.stdout.on('data', (d: Buffer) => {
		buffer += d.toString();
		const lines = buffer.split('\n');
		buffer = lines.pop()!;
		lines.forEach(onLine);
	});
	child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
	child.stdin.on('error', () => {}); // a worker that died already cannot be told anything
	const done = new Promise<number | null>((resolve) =>
		child.once('exit', (code, signal) => {
			if (code !== 0 && signal !== 'SIGKILL') console.error(errors);
			resolve(code);
		})
	);
	return { done, kill: () => child.kill('SIGKILL'), tell: (line) => child.stdin.write(line + '\n') };
}

describe('engine durability on a libsql file', () => {
	it('a worker killed at random points loses no acknowledged command and half-applies nothing', async () => {
		const path = tempDbPath('durability');
		created.push(path);
		const started = new Set<string>();
		const completed = new Set<string>();
		const kills = 8;
		for (let round = 0; round < kills; round++) {
			let ready!: () => void;
			const isReady = new Promise<void>((r) => (ready = r));
			const worker = run(['test/integration/engine/workers/command-loop.ts', path], (line) => {
				const [what, id] = line.split(' ');
				if (what === 'ready') ready();
				if (what === 'started') started.add(id!);
				if (what === 'completed') completed.add(id!);
			});
			await Promise.race([isReady, worker.done]);
			await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
			worker.kill();
			await worker.done;
		}
		expect(started.size).toBeGreaterThan(kills * 5);

		const db = await connect(`file:${path}`);
		try {
			const instances = new Map(
				(await db.client.execute("select id, status from engine_instances where tenant = 'durability'")).rows.map((r) => [String(r.id), String(r.status)])
			);
			const tasks = (await db.client.execute("select instance_id from engine_tasks where tenant = 'durability'")).rows.map((r) => String(r.instance_id));
			const events = (await db.client.execute("select instance, event from engine_records where tenant = 'durability' and event like 'instance.%'")).rows;
			const startedRecords = new Set(events.filter((r) => r.event === 'instance.started').map((r) => String(r.instance)));
			const completedRecords = new Set(events.filter((r) => r.event === 'instance.completed').map((r) => String(r.instance)));

			for (const id of started) expect(instances.has(id), `acknowledged start of ${id} is stored`).toBe(true);
			for (const id of completed) expect(instances.get(id), `acknowledged completion of ${id} is stored`).toBe('completed');
			// every stored instance is whole: its state, its task row and its records agree
			for (const [id, status] of instances) {
				expect(startedRecords.has(id)).toBe(true);
				const openTasks = tasks.filter((t) => t === id).length;
				if (status === 'completed') {
					expect(completedRecords.has(id), `${id} completed has its record`).toBe(true);
					expect(openTasks).toBe(0);
				} else {
					expect(status).toBe('active');
					expect(completedRecords.has(id)).toBe(false);
					expect(openTasks, `${id} waits in exactly one task`).toBe(1);
				}
			}
			// the last worker's predecessors' open tasks were completed on restart: at most one per loop is open now
			expect(tasks.length).toBeLessThanOrEqual(8);
		} finally {
			db.close();
		}
	}, 120_000);

	it('two processes on one file fire each of 10,000 due timers exactly once', async () => {
		const path = tempDbPath('timers');
		created.push(path);
		const seed = run(['test/integration/engine/workers/timer-worker.ts', path, 'seed', '10000']);
		expect(await seed.done).toBe(0);
		await new Promise((r) => setTimeout(r, 1100)); // every timer is due now
		const counts: number[] = [];
		// both start firing at once: a process slow to boot would otherwise find nothing left
		let ready = 0;
		let bothReady!: () => void;
		const go = new Promise<void>((resolve) => (bothReady = resolve));
		const workers = [0, 1].map(() =>
			run(['test/integration/engine/workers/timer-worker.ts', path, 'fire'], (line) => {
				if (line === 'ready' && ++ready === 2) bothReady();
				if (line.startsWith('fired ')) counts.push(Number(line.slice(6)));
			})
		);
		await Promise.race([go, Promise.all(workers.map((w) => w.done))]);
		for (const worker of workers) worker.tell('go');
		expect(await Promise.all(workers.map((w) => w.done))).toEqual([0, 0]);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
		expect(Math.min(...counts), `both processes fired some: ${counts}`).toBeGreaterThan(0);

		const db = await connect(`file:${path}`);
		try {
			const fired = await db.client.execute(
				"select count(*) as n, count(distinct instance) as d from engine_records where tenant = 'timers' and event = 'element.completed' and element = 'wait_a_second'"
			);
			expect(Number(fired.rows[0]!.n)).toBe(10_000);
			expect(Number(fired.rows[0]!.d)).toBe(10_000);
			const open = await db.client.execute("select count(*) as n from engine_instances where tenant = 'timers' and status != 'completed'");
			expect(Number(open.rows[0]!.n)).toBe(0);
			expect(Number((await db.client.execute("select count(*) as n from engine_timers")).rows[0]!.n)).toBe(0);
		} finally {
			db.close();
		}
	}, 180_000);
});
