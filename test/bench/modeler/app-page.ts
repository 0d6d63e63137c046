import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Potok's editor page, built from the committed HEAD, with the benchmark diagram saved in a process. */
export interface AppPage {
	url: string;
	cookie: { name: string; value: string; url: string };
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('Expected a free port'))));
		});
	});
}

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
	if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${await response.text()}`);
	return response;
}

/**
 * Exports HEAD into `dir` (the work tree may hold other work in progress), builds it with the
 * project's own config, starts it on a fresh database, signs up an analyst, creates a process and
 * saves `xml` as its AS IS track through the REST API. Returns the editor page's URL and the
 * session cookie a browser context needs.
 */
export async function startAppPage(root: string, dir: string, xml: string): Promise<AppPage> {
	mkdirSync(dir, { recursive: true });
	execSync(`git -C "${root}" archive HEAD | tar -x -C "${dir}"`, { stdio: 'inherit' });
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
	execSync(`"${process.execPath}" node_modules/vite/bin/vite.js build --logLevel error`, { cwd: dir, stdio: 'inherit' });
	if (!existsSync(join(dir, 'build/index.js'))) throw new Error('Expected build/index.js after building HEAD');

	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let log = '';
	const child: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		cwd: dir,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, DATABASE_URL: `file:${join(dir, 'bench.db')}`, POTOK_DEMO: 'off', POTOK_SCHEDULER: 'off', BODY_SIZE_LIMIT: '12M' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
	};
	try {
		const deadline = Date.now() + 30_000;
		while (!log.includes('Listening on')) {
			if (child.exitCode !== null || Date.now() > deadline) throw new Error(`Expected the app to start, but:\n${log}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}

		const signup = await fetch(`${base}/signup`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name: 'Бенчмарк Аналитик', email: 'bench@potok.test', password: 'bench-analyst-1', company: 'Бенчмарк' })
		});
		await expectStatus(signup, 303, 'sign up');
		const workspace = /^\/w\/([^/]+)$/.exec(signup.headers.get('location') ?? '')?.[1];
		const [name, value] = (signup.headers.get('set-cookie') ?? '').split(';')[0]!.split('=');
		if (!workspace || !name || !value) throw new Error(`Expected a workspace and a session from sign-up, got ${signup.headers.get('location')}`);
		const headers = { origin: base, cookie: `${name}=${value}` };

		const created = await expectStatus(
			await fetch(`${base}/api/v1/w/${workspace}/processes`, {
				method: 'POST',
				headers: { ...headers, 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'Бенчмарк: 1000 элементов', entityType: 'deal' })
			}),
			201,
			'create process'
		);
		const { id } = (await created.json()) as { id: string };
		await expectStatus(
			await fetch(`${base}/api/v1/w/${workspace}/processes/${id}/tracks/as_is`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/xml' }, body: xml }),
			201,
			'save the diagram'
		);
		return { url: `${base}/w/${workspace}/processes/${id}/edit/as_is`, cookie: { name, value, url: base }, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
