import { parseArgs } from 'node:util';
import { runCommand, type Io } from './run-command';
import { testCommand } from './test-command';

const usage = `Usage:
  potok run FILE.bpmn [--process ID] [--vars JSON] [--script FILE.json] [--db FILE]
  potok test [DIR]`;

/** The `potok` command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
	const [command, ...rest] = argv;
	if (command === 'run') {
		let parsed;
		try {
			parsed = parseArgs({
				args: rest,
				allowPositionals: true,
				options: { process: { type: 'string' }, vars: { type: 'string' }, script: { type: 'string' }, db: { type: 'string' } }
			});
		} catch (error) {
			io.err(`${(error as Error).message}\n${usage}`);
			return 2;
		}
		const file = parsed.positionals[0];
		if (!file || parsed.positionals.length > 1) {
			io.err(usage);
			return 2;
		}
		const { process: processId, vars, script, db } = parsed.values;
		return runCommand({ file, ...(processId ? { process: processId } : {}), ...(vars ? { vars } : {}), ...(script ? { script } : {}), ...(db ? { db } : {}) }, io);
	}
	if (command === 'test') {
		if (rest.length > 1) {
			io.err(usage);
			return 2;
		}
		return testCommand(rest[0] ?? 'processes', io);
	}
	io.err(usage);
	return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
}

/** Entry point used by bin/potok.js. */
export async function cli(): Promise<void> {
	const io: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
	try {
		process.exitCode = await main(process.argv.slice(2), io);
	} catch (error) {
		io.err(`potok: unexpected error: ${(error as Error).stack ?? String(error)}`);
		process.exitCode = 3;
	}
}
