import { createClient } from '@libsql/client';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBpmn } from '../../../src/lib/bpmn';
import { evaluate } from 'feelin';
import { Engine, MemoryStore, VirtualClock } from '../../../src/lib/engine';
import { compileExpression } from '../../../src/lib/engine/expression';
import { bpmnEngineXml, potokXml } from './diagram';

/**
 * `npm run bench:engine` (issue 4): instances per second of Potok and of bpmn-engine 25 on the same
 * diagram, the raw libsql commit rate, and the ratios. Prints; not part of the pass/fail suite.
 * The libsql Store is not built yet, so Potok runs on the in-memory store and the libsql figures
 * of Potok print `n/a`. The last line is machine-readable.
 */
const N = Number(process.env.BENCH_N ?? 20_000);
const BPMN_ENGINE_N = Number(process.env.BENCH_BPMN_ENGINE_N ?? 2_000);
const LIBSQL_N = Number(process.env.BENCH_LIBSQL_N ?? 5_000);
const COMMITS_PER_INSTANCE = 2;

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

async function bpmnEngine(n: number): Promise<{ perSecond: number; stateBytes: number }> {
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
	const t0 = performance.now();
	for (let i = 0; i < n; i++) await once(false);
	return { perSecond: n / ((performance.now() - t0) / 1000), stateBytes };
}

async function libsqlCommits(n: number): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'potok-bench-'));
	const client = createClient({ url: `file:${join(dir, 'bench.db')}` });
	try {
		await client.execute('PRAGMA journal_mode=WAL');
		await client.execute('PRAGMA synchronous=NORMAL');
		await client.execute('CREATE TABLE instance (id INTEGER PRIMARY KEY, version INTEGER, state TEXT)');
		await client.execute('CREATE TABLE history (seq INTEGER PRIMARY KEY, instance INTEGER, record TEXT)');
		const state = JSON.stringify({ id: '1', def: 'bench:1', st: 'active', next: 6, tokens: [] });
		const t0 = performance.now();
		for (let i = 0; i < n; i++) {
			await client.batch(
				[
					{ sql: 'INSERT INTO instance (id, version, state) VALUES (?, 1, ?)', args: [i, state] },
					{ sql: 'INSERT INTO history (instance, record) VALUES (?, ?)', args: [i, '{"event":"element.activated"}'] }
				],
				'write'
			);
		}
		return n / ((performance.now() - t0) / 1000);
	} finally {
		client.close();
		rmSync(dir, { recursive: true, force: true });
	}
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

const feel = feelCost(20_000);
console.log(`FEEL \`spam = true\`: ${feel.compiled.toFixed(3)} µs compiled by the engine, ${feel.feelin.toFixed(1)} µs through feelin`);
const memory = await potokInMemory(N);
console.log(`potok (in-memory store): ${fmt(memory.perSecond)} instances/s over ${N} (start + complete user task); ${memory.stateBytes} B state per waiting instance`);
const peer = await bpmnEngine(BPMN_ENGINE_N);
console.log(`bpmn-engine 25 (in memory, XML parsed once): ${fmt(peer.perSecond)} instances/s over ${BPMN_ENGINE_N}; ${peer.stateBytes} B state per waiting instance`);
const commits = await libsqlCommits(LIBSQL_N);
console.log(`libsql (file, WAL, synchronous=NORMAL): ${fmt(commits)} commits/s of a 2-statement transaction over ${LIBSQL_N}`);
console.log('potok (libsql file store): n/a — the libsql Store is not built yet');
console.log(`ratio in-memory potok / bpmn-engine: ${fmt(memory.perSecond / peer.perSecond)} (goal for the libsql figure: ≥ 15)`);
console.log(`ceiling for potok on libsql at ${COMMITS_PER_INSTANCE} commits per instance: ${fmt(commits / COMMITS_PER_INSTANCE)} instances/s`);
console.log(
	`potok_per_s=n/a bpmn_engine_per_s=${fmt(peer.perSecond)} libsql_commits_per_s=${fmt(commits)} commits_per_instance=${COMMITS_PER_INSTANCE} ` +
		`ratio_bpmn_engine=n/a ratio_libsql=n/a rss_mb_100k_waiting=n/a potok_memory_per_s=${fmt(memory.perSecond)} ` +
		`ratio_memory_bpmn_engine=${fmt(memory.perSecond / peer.perSecond)} state_bytes=${memory.stateBytes} bpmn_engine_state_bytes=${peer.stateBytes}`
);
