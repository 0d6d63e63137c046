import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssues, scriptSchema } from './script';
import { openLibsqlSimulationStore } from './libsql-simulation-store';
import type { SimulationStore } from './simulation-store';
import { SimulationError, Simulator } from './simulator';

export interface RunOptions {
	file: string;
	process?: string;
	vars?: string;
	script?: string;
	db?: string;
}

export interface Io {
	out(line: string): void;
	err(line: string): void;
}

/**
 * `potok run FILE.bpmn`: deploys the file, starts its processes, applies the script and prints
 * one JSON record per line. Returns the exit code: 1 when the model does not compile or the
 * script fails (an expectWaiting mismatch included), 0 otherwise — incidents included.
 */
export async function runCommand(options: RunOptions, io: Io): Promise<number> {
	let variables: Record<string, unknown> = {};
	if (options.vars) {
		const parsed = z.record(z.string(), z.unknown()).safeParse(safeJson(options.vars));
		if (!parsed.success) {
			io.err('potok run: --vars must be a JSON object');
			return 2;
		}
		variables = parsed.data;
	}
	let script: z.infer<typeof scriptSchema> = [];
	if (options.script) {
		const parsed = scriptSchema.safeParse(safeJson(await readFile(options.script, 'utf8')));
		if (!parsed.success) {
			io.err(describeIssues(parsed.error, `potok run: ${options.script}`));
			return 2;
		}
		script = parsed.data;
	}
	const xml = await readFile(options.file, 'utf8');
	let store: SimulationStore | undefined;
	if (options.db) {
		try {
			store = await openLibsqlSimulationStore(options.db);
		} catch (error) {
			io.err(`potok run: cannot use --db ${options.db}: ${(error as Error).message}`);
			return 2;
		}
	}
	const simulator = new Simulator((line) => io.out(JSON.stringify(line)), store);
	try {
		await simulator.deploy(xml);
		await simulator.start(options.process, variables);
		for (const [index, step] of script.entries()) await simulator.apply(step, index);
		return 0;
	} catch (error) {
		if (error instanceof SimulationError) {
			io.err(error.message);
			return 1;
		}
		throw error;
	} finally {
		await simulator.store.close();
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
