import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tempDbPath } from './temp-db';

export interface RunningServer {
	url: string;
	dbPath: string;
	output: () => string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/**
 * Starts the built app (`build/`, made by `npm run build` or the test command)
 * as a real HTTP server on a free port with a fresh libsql file.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
	if (!existsSync('build/index.js')) throw new Error('build/index.js is missing: run `npm run build` before the integration tests');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dbPath = tempDbPath('server');
	let log = '';
	const child: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: `file:${dbPath}`,
			POTOK_DEMO: 'off',
			BODY_SIZE_LIMIT: '12M',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${log}`)), 20_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${log}`));
		});
		const poll = setInterval(() => {
			if (log.includes('Listening on')) {
				clearInterval(poll);
				clearTimeout(timer);
				resolve();
			}
		}, 25);
	});
	return {
		url,
		dbPath,
		output: () => log,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
		}
	};
}

/** Runs the built app expecting it to fail at start; returns its exit code and output. */
export async function startExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	const port = await freePort();
	return new Promise((resolve) => {
		let output = '';
		const child = spawn(process.execPath, ['build/index.js'], {
			env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, POTOK_DEMO: 'off', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}
