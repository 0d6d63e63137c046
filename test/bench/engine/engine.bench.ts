import { createClient } from '@libsql/client';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBpmn } from '../../../src/lib/bpmn';
import { evaluate } from 'feelin';
import { Engine, MemoryStore, VirtualClock } from '../../../src/lib/engine';
import { compileExpression } from '../../../src/lib/engine/expression';
import { bpmnEngineXml, potokXml } from './diagram';
import { potokLibsql } from './potok-libsql';

/**
 * `npm run bench:engine` (issue 4), on one diagram: (a) Potok on a libsql file (WAL), every command
 * committed before it is answered; (b) bpmn-engine 25 in memory, XML parsed once; (c) the raw
 * libsql commit rate of a two-statement transaction on the same disk; their ratios; and the
 * resident memory of a process with 100,000 instances waiting in the database. Prints; not part
 * of the pass/fail suite. The last line is machine-readable.
 *
 * (a) runs BENCH_CONCURRENCY (32) start→complete loops at once, as people using the app would:
 * commands issued together share one database transaction (group commit), each still answered
 * only after its commit. The same with one loop (every command its own transaction) is printed too.
 */
const N = Number(process.env.BENCH_N ?? 20_000);
const LIBSQL_N = Number(process.env.BENCH_LIBSQL_N ?? 18_000);
const SEQUENTIAL_N = Number(process.env.BENCH_SEQUENTIAL_N ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BPMN_ENGINE_N = Number(process.env.BENCH_BPMN_ENGINE_N ?? 1_500);
const COMMITS_N = Number(process.env.BENCH_COMMITS_N ?? 6_000);
const WAITING_N = Number(process.env.BENCH_WAITING_N ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Commands per instance, each one committed: start, complete the user task. */
const COMMITS_PER_INSTANCE = 2;

// every database of the run sits in one folder on the disk of the checkout
mkdirSync(resolve('test/.tmp'), { recursive: true });
const dir = mkdtempSync(resolve('test/.tmp/bench-engine-'));

async function potokInMemory(n: number): Promise<{ perSecond: number; stateBytes: number }> {
	const parsed = await parseBpmn(potokXml);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	const store = new MemoryStore();
	const engine = new Engine({ store, clock: new VirtualClock() });
	await engine.deploy(parsed.model);
	const run = async () => {
		const started = await engine.startInstance({ processId: 'bench', variables: { spam: false } });
		const task = started.records.find((r) => r.element === 'call_lead' && r.event === 'element.activated');
		return { id: started.value, token: task?.token ?? 0 };
	};
	const sample = await run();
	const stateBytes = JSON.stringify(store.instances.get(sample.id)?.state).length;
	await engine.completeTask({ instanceId: sample.id, tokenId: sample.token });
	const t0 = performance.now();
	for (let i = 0; i < n; i++) {
		const { id, token } = await run();
		await engine.completeTask({ instanceId: id, tokenId: token });
	}
	return { perSecond: n / ((performance.now() - t0) / 1000), stateBytes };
}

async function bpmnEngine() {
	const sourceContext = await (new BpmnEngine({}) as unknown as { _serializeSource(xml: string): Promise<unknown> })._serializeSource(bpmnEngineXml);
	const services = { noop: (_context: unknown, next: () => void) => next() };
	const once = async (measure: boolean) => {
		const engine = new BpmnEngine({ sourceContext, services } as never);
		const ended = new Promise<void>((resolve) => engine.once('end', () => resolve()));
		const execution = await engine.execute({ variables: { spam: false } });
		const bytes = measure ? JSON.stringify(execution.getState()).length : 0;
		for (const postponed of execution.getPostponed()) postponed.signal();
		await ended;
		return bytes;
	};
	const stateBytes = await once(true);
	let instances = 0;
	let seconds = 0;
	return {
		stateBytes,
		async run(n: number): Promise<void> {
			const t0 = performance.now();
			for (let i = 0; i < n; i++) await once(false);
			seconds += (performance.now() - t0) / 1000;
			instances += n;
		},
		perSecond: () => instances / seconds
	};
}

async function libsqlCommits() {
	const client = createClient({ url: `file:${join(dir, 'commits.db')}` });
	await client.execute('PRAGMA journal_mode=WAL');
	await client.execute('PRAGMA synchronous=NORMAL');
	await client.execute('CREATE TABLE instance (id INTEGER PRIMARY KEY, version INTEGER, state TEXT)');
	await client.execute('CREATE TABLE history (seq INTEGER PRIMARY KEY, instance INTEGER, record TEXT)');
	const state = JSON.stringify({ id: '1', def: 'bench:1', st: 'active', next: 6, tokens: [] });
	let commits = 0;
	let seconds = 0;
	return {
		async run(n: number): Promise<void> {
			const t0 = performance.now();
			for (let i = commits; i < commits + n; i++) {
				await client.batch(
					[
						{ sql: 'INSERT INTO instance (id, version, state) VALUES (?, 1, ?)', args: [i, state] },
						{ sql: 'INSERT INTO history (instance, record) VALUES (?, ?)', args: [i, '{"event":"element.activated"}'] }
					],
					'write'
				);
			}
			seconds += (performance.now() - t0) / 1000;
			commits += n;
		},
		perSecond: () => commits / seconds,
		close: () => client.close()
	};
}

/** Resident memory of a separate process as it starts `total` waiting instances in a libsql file. */
function rssWhileWaiting(total: number): Promise<{ waiting: number; rss_mb: number }[]> {
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'rss-waiting.ts'), join(dir, 'waiting.db'), String(total), String(Math.max(1, Math.round(total / 4)))], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const points: { waiting: number; rss_mb: number }[] = [];
	let buffer = '';
	child.stdout.on('data', (d: Buffer) => {
		buffer += d.toString();
		const lines = buffer.split('\n');
		buffer = lines.pop() ?? '';
		for (const line of lines) if (line.trim()) points.push(JSON.parse(line));
	});
	return new Promise((done, fail) =>
		child.once('exit', (code) => (code === 0 ? done(points) : fail(new Error(`rss-waiting exited with ${code}`))))
	);
}

/** µs per evaluation of the benchmark's condition: the engine's compiled form vs feelin. */
function feelCost(n: number): { compiled: number; feelin: number } {
	const condition = compileExpression('=spam = true');
	const vars = { spam: false };
	const source = { get: (name: string) => vars[name as 'spam'], toObject: () => vars };
	let t0 = performance.now();
	for (let i = 0; i < n; i++) condition.evaluate(source);
	const compiled = ((performance.now() - t0) * 1000) / n;
	t0 = performance.now();
	for (let i = 0; i < n; i++) evaluate('spam = true', vars);
	return { compiled, feelin: ((performance.now() - t0) * 1000) / n };
}

const fmt = (n: number | undefined) => (n === undefined ? 'n/a' : n >= 100 ? String(Math.round(n)) : n.toFixed(2));

try {
	const feel = feelCost(20_000);
	console.log(`FEEL \`spam = true\`: ${feel.compiled.toFixed(3)} µs compiled by the engine, ${feel.feelin.toFixed(1)} µs through feelin`);
	const memory = await potokInMemory(N);
	console.log(`potok (in-memory store): ${fmt(memory.perSecond)} instances/s over ${N}; ${memory.stateBytes} B state per waiting instance`);
	const sequential = await potokLibsql(join(dir, 'sequential.db'), 1);
	await sequential.run(SEQUENTIAL_N);
	sequential.close();
	console.log(`potok (libsql file, one loop): ${fmt(sequential.result().perSecond)} instances/s over ${SEQUENTIAL_N}; every command its own transaction`);

	// (a), (b) and (c) take turns, ROUNDS times, so that a change of load on a shared machine
	// weighs on all three alike
	const potok = await potokLibsql(join(dir, 'potok.db'), CONCURRENCY);
	const peer = await bpmnEngine();
	const commits = await libsqlCommits();
	for (let round = 0; round < ROUNDS; round++) {
		await potok.run(Math.ceil(LIBSQL_N / ROUNDS));
		await peer.run(Math.ceil(BPMN_ENGINE_N / ROUNDS));
		await commits.run(Math.ceil(COMMITS_N / ROUNDS));
	}
	potok.close();
	commits.close();
	const a = potok.result();
	const b = peer.perSecond();
	const c = commits.perSecond();
	console.log(
		`(a) potok (libsql file, WAL, ${CONCURRENCY} loops): ${fmt(a.perSecond)} instances/s over ${LIBSQL_N}, every command committed before it is answered; ` +
			`${fmt(a.transactionsPerInstance)} database transactions per instance (group commit)`
	);
	console.log(`(b) bpmn-engine 25 (in memory, XML parsed once): ${fmt(b)} instances/s over ${BPMN_ENGINE_N}; ${peer.stateBytes} B state per waiting instance`);
	console.log(`(c) libsql (file, WAL, synchronous=NORMAL): ${fmt(c)} commits/s of a 2-statement transaction over ${COMMITS_N}`);
	const ratioPeer = a.perSecond / b;
	const ratioLibsql = a.perSecond / (c / COMMITS_PER_INSTANCE);
	console.log(`a/b = ${fmt(ratioPeer)} (goal ≥ 15); a/(c÷${COMMITS_PER_INSTANCE}) = ${fmt(ratioLibsql)} (goal ≥ 0.5); goal for a: ≥ 2000 instances/s`);
	const rss = await rssWhileWaiting(WAITING_N);
	console.log(`resident memory of a process starting instances that wait in the database: ${rss.map((p) => `${p.waiting} → ${fmt(p.rss_mb)} MB`).join(', ')}`);
	console.log(
		`potok_per_s=${fmt(a.perSecond)} bpmn_engine_per_s=${fmt(b)} libsql_commits_per_s=${fmt(c)} commits_per_instance=${COMMITS_PER_INSTANCE} ` +
			`ratio_bpmn_engine=${fmt(ratioPeer)} ratio_libsql=${fmt(ratioLibsql)} rss_mb_${Math.round(WAITING_N / 1000)}k_waiting=${fmt(rss.at(-1)?.rss_mb)}`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
