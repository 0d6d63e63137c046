import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/lib/cli/main';
import { tempDbPath } from '../helpers/temp-db';

const fixtures = join(import.meta.dirname, 'fixtures');

const databases: string[] = [];
afterAll(() => {
	for (const path of databases) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
});

/** A fresh path for `--db`, deleted after the tests. */
function dbFile(): string {
	const path = tempDbPath('cli');
	databases.push(path);
	return path;
}

/**
 * Runs the CLI in this process. With POTOK_ENGINE_STORE=libsql (the engine-libsql test project),
 * every `potok run` gets `--db` with a fresh file, so each case here also runs on the libsql store.
 */
async function potok(...args: string[]): Promise<{ code: number; out: string[]; err: string }> {
	const out: string[] = [];
	const err: string[] = [];
	const onLibsql = process.env.POTOK_ENGINE_STORE === 'libsql' && args[0] === 'run' && !args.includes('--db');
	const code = await main(onLibsql ? [...args, '--db', dbFile()] : args, { out: (l) => out.push(l), err: (l) => err.push(l) });
	return { code, out, err: err.join('\n') };
}

function script(steps: unknown[]): string {
	const file = join(mkdtempSync(join(tmpdir(), 'potok-cli-')), 'script.json');
	writeFileSync(file, JSON.stringify(steps));
	return file;
}

describe('potok run', () => {
	it('prints one JSON object per element event and the instance completion', async () => {
		const { code, out } = await potok('run', join(fixtures, 'none-start-end.bpmn'));
		expect(code).toBe(0);
		expect(out.map((l) => JSON.parse(l))).toEqual([
			{ seq: 1, at: '2026-01-01T00:00:00.000Z', instance: '1', element: 'start', elementType: 'bpmn:StartEvent', event: 'activated' },
			{ seq: 2, at: '2026-01-01T00:00:00.000Z', instance: '1', element: 'start', elementType: 'bpmn:StartEvent', event: 'completed' },
			{ seq: 3, at: '2026-01-01T00:00:00.000Z', instance: '1', element: 'end', elementType: 'bpmn:EndEvent', event: 'activated' },
			{ seq: 4, at: '2026-01-01T00:00:00.000Z', instance: '1', element: 'end', elementType: 'bpmn:EndEvent', event: 'completed' },
			{ seq: 5, at: '2026-01-01T00:00:00.000Z', event: 'instance.completed', instance: '1' }
		]);
	});

	it('applies a script of completions, messages and clock moves, checking what waits', async () => {
		const steps = script([
			{ expectWaiting: ['answered', 'two_days'] },
			{ advance: 'P1D' },
			{ expectWaiting: ['answered', 'two_days'] },
			{ message: 'client.answered', vars: { answer: 'yes' } },
			{ expectWaiting: [] }
		]);
		const { code, out, err } = await potok('run', join(fixtures, 'event-based-gateway.bpmn'), '--script', steps);
		expect(err).toBe('');
		expect(code).toBe(0);
		expect(JSON.parse(out.at(-2) ?? '{}')).toMatchObject({ element: 'answered_end', event: 'completed' });
	});

	it('exits 1 with a message when the waiting elements differ from expectWaiting', async () => {
		const { code, err } = await potok('run', join(fixtures, 'user-task.bpmn'), '--script', script([{ expectWaiting: ['somewhere_else'] }]));
		expect(code).toBe(1);
		expect(err).toBe('script step 1: expected waiting [somewhere_else], but waiting [call_lead_task]');
	});

	it('exits 1 naming the element ids when the model cannot be compiled', async () => {
		const { code, out, err } = await potok('run', join(fixtures, 'invalid', 'unsupported-elements.bpmn'));
		expect(code).toBe(1);
		expect(out).toEqual([]);
		expect(err).toContain('rules: BusinessRuleTask is not supported by the Potok engine');
		expect(err).toContain('wait_condition: ConditionalEventDefinition is not supported by the Potok engine');
	});

	it('exits 0 with an incident line when a FEEL expression fails at run time', async () => {
		const { code, out } = await potok('run', join(fixtures, 'feel-error.bpmn'), '--vars', '{"amount": 5}');
		expect(code).toBe(0);
		expect(JSON.parse(out.at(-1) ?? '{}')).toEqual({
			seq: 4, at: '2026-01-01T00:00:00.000Z', event: 'incident.created', instance: '1', element: 'check_amount',
			message: "Expression `=amount > limit` failed: Variable 'limit' not found"
		});
	});

	it('starts only the processes with a none start event; the others wait for their trigger', async () => {
		const steps = script([{ expectWaiting: ['price_changed'] }, { signal: 'price.changed' }, { expectWaiting: ['review_prices'] }]);
		const { code, err } = await potok('run', join(fixtures, 'signals.bpmn'), '--process', 'listener', '--script', steps);
		expect(err).toBe('');
		expect(code).toBe(0);
	});

	it('lets a process in the file call another one', async () => {
		const steps = script([{ expectWaiting: ['score'] }, { complete: 'score', vars: { rating: 90 } }, { expectWaiting: [] }]);
		const { code, out } = await potok('run', join(fixtures, 'call-activity.bpmn'), '--process', 'sale', '--script', steps);
		expect(code).toBe(0);
		expect(out.map((l) => JSON.parse(l)).filter((l) => l.event === 'instance.completed').map((l) => l.instance)).toEqual(['2', '1']);
	});

	it('runs on a libsql file with --db: the same records as in memory, and a later run carries on with what the file holds', async () => {
		const db = dbFile();
		const inMemory: string[] = [];
		expect(await main(['run', join(fixtures, 'user-task.bpmn')], { out: (l) => inMemory.push(l), err: () => {} })).toBe(0);

		const first = await potok('run', join(fixtures, 'user-task.bpmn'), '--db', db);

		expect(first).toEqual({ code: 0, out: inMemory, err: '' });
		const second = await potok('run', join(fixtures, 'user-task.bpmn'), '--db', db, '--script', script([{ complete: 'call_lead_task' }, { expectWaiting: ['call_lead_task'] }]));
		expect(second.err).toBe('');
		expect(second.code).toBe(0);
		const lines = second.out.map((l) => JSON.parse(l));
		expect(lines[0]).toMatchObject({ seq: 1, instance: '2', element: 'lead_arrived', event: 'activated' });
		expect(lines.filter((l) => l.instance === '1').map((l) => `${l.element ?? '-'} ${l.event}`)).toEqual([
			'call_lead_task completed',
			'lead_called activated',
			'lead_called completed',
			'- instance.completed'
		]);
	});

	it('says so and exits 2 when the --db file cannot be opened', async () => {
		const { code, err } = await potok('run', join(fixtures, 'user-task.bpmn'), '--db', join(fixtures, 'user-task.bpmn', 'not-a-folder.db'));
		expect(code).toBe(2);
		expect(err).toMatch(/^potok run: cannot use --db .*not-a-folder\.db: /);
	});

	it('rejects a script step it does not know, naming the step', async () => {
		const { code, err } = await potok('run', join(fixtures, 'user-task.bpmn'), '--script', script([{ finish: 'call_lead_task' }]));
		expect(code).toBe(2);
		expect(err).toMatch(/at 0/);
	});
});

describe('potok test', () => {
	it('passes the example scenarios shipped in processes/examples', async () => {
		const { code, out } = await potok('test', join(import.meta.dirname, '..', '..', 'processes', 'examples'));
		expect(out.at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/);
		expect(code).toBe(0);
	});

	it('runs every scenario beside its diagram and prints how many passed and failed', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'potok-test-'));
		cpSync(join(fixtures, 'user-task.bpmn'), join(dir, 'call.bpmn'));
		writeFileSync(join(dir, 'call.scenario.json'), JSON.stringify({
			script: [{ complete: 'call_lead_task' }],
			expect: { records: [{ element: 'call_lead_task', event: 'completed' }, { event: 'instance.completed' }], instances: { '1': 'completed' } }
		}));
		writeFileSync(join(dir, 'wrong.scenario.json'), JSON.stringify({ bpmn: 'call.bpmn', expect: { instances: { '1': 'completed' } } }));

		const { code, out } = await potok('test', dir);

		expect(code).toBe(1);
		expect(out.at(-1)).toBe('1 passed, 1 failed');
		expect(out.join('\n')).toContain('expected instance 1 to be completed, but it is active');
	});
});
