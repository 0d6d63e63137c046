import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { OutputLine } from './output';
import type { Io } from './run-command';
import { describeIssues, scenarioSchema, type RecordExpectation, type Scenario } from './script';
import { SimulationError, Simulator } from './simulator';

/**
 * `potok test [DIR]`: runs every `*.scenario.json` under DIR against the `.bpmn` beside it and
 * prints one line per scenario, then `N passed, M failed`. Exit code 1 when any failed.
 */
export async function testCommand(dir: string, io: Io): Promise<number> {
	const files = (await findScenarios(dir)).sort();
	let passed = 0;
	let failed = 0;
	for (const file of files) {
		const failure = await runScenario(file);
		const name = relative(process.cwd(), file);
		if (failure === undefined) {
			passed++;
			io.out(`ok   ${name}`);
		} else {
			failed++;
			io.out(`FAIL ${name}\n     ${failure.replace(/\n/g, '\n     ')}`);
		}
	}
	io.out(`${passed} passed, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

async function findScenarios(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	const out: string[] = [];
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...(await findScenarios(path)));
		else if (entry.isFile() && entry.name.endsWith('.scenario.json')) out.push(path);
	}
	return out;
}

/** Runs one scenario; returns why it failed, or undefined when it passed. */
export async function runScenario(file: string): Promise<string | undefined> {
	let scenario: Scenario;
	try {
		const parsed = scenarioSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
		if (!parsed.success) return describeIssues(parsed.error, 'scenario');
		scenario = parsed.data;
	} catch (error) {
		return `scenario is not JSON: ${(error as Error).message}`;
	}
	const bpmn = join(dirname(file), scenario.bpmn ?? `${basename(file, '.scenario.json')}.bpmn`);
	const simulator = new Simulator();
	try {
		await simulator.deploy(await readFile(bpmn, 'utf8'));
		await simulator.start(scenario.process, scenario.vars ?? {});
		for (const [index, step] of scenario.script.entries()) await simulator.apply(step, index);
	} catch (error) {
		if (error instanceof SimulationError || (error as NodeJS.ErrnoException).code === 'ENOENT') return (error as Error).message;
		throw error;
	}
	return checkExpectations(scenario, simulator);
}

async function checkExpectations(scenario: Scenario, simulator: Simulator): Promise<string | undefined> {
	const lines = simulator.lines;
	const { records, absent, instances, incidents } = scenario.expect;
	if (records) {
		let at = 0;
		for (const expected of records) {
			while (at < lines.length && !matches(lines[at] as OutputLine, expected)) at++;
			if (at >= lines.length) return `expected record ${JSON.stringify(expected)} (in order) but it did not appear`;
			at++;
		}
	}
	for (const unexpected of absent ?? []) {
		const found = lines.find((line) => matches(line, unexpected));
		if (found) return `record ${JSON.stringify(unexpected)} should not appear, but did: ${JSON.stringify(found)}`;
	}
	for (const [id, status] of Object.entries(instances ?? {})) {
		const actual = await simulator.store.instanceStatus(id);
		if (actual !== status) return `expected instance ${id} to be ${status}, but it is ${actual ?? 'missing'}`;
	}
	if (incidents !== undefined) {
		const count = lines.filter((l) => l.event === 'incident.created').length;
		if (count !== incidents) return `expected ${incidents} incidents, but there were ${count}`;
	}
	return undefined;
}

function matches(line: OutputLine, expected: RecordExpectation): boolean {
	for (const [key, value] of Object.entries(expected)) {
		if (value !== undefined && line[key as keyof OutputLine] !== value) return false;
	}
	return true;
}
