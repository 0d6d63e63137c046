import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startServer, type RunningServer } from '../helpers/server';

describe('REST API', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(() => server?.stop());

	const call = async (method: string, path: string, opts: { cookie?: string; bearer?: string; body?: unknown; lang?: string } = {}) => {
		const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'ru' };
		if (opts.cookie) headers.cookie = opts.cookie;
		if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
		if (opts.body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(server.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
	};

	it('a person signs up through the form, logs in through the API, creates a workspace, invites, and uses a token', async () => {
		const signup = await fetch(`${server.url}/signup`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name: 'Ирина', email: 'irina@example.com', password: 'long-password', company: 'Окна' }),
			redirect: 'manual'
		});
		expect(signup.status).toBe(303);
		expect(signup.headers.get('location')).toMatch(/^\/w\/[a-z2-7]{16}$/);

		const login = await call('POST', '/api/v1/session', { body: { email: 'IRINA@example.com', password: 'long-password' } });
		expect(login.status).toBe(200);
		expect(login.body.user).toMatchObject({ email: 'irina@example.com', name: 'Ирина' });
		const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
		expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);

		const me = await call('GET', '/api/v1/me', { cookie });
		expect(me.body.workspaces).toEqual([{ id: expect.any(String), name: 'Окна', roles: ['owner'] }]);

		const created = await call('POST', '/api/v1/workspaces', { cookie, body: { name: 'Двери' } });
		expect(created.status).toBe(201);
		const ws = created.body.id;
		const again = await call('GET', '/api/v1/me', { cookie });
		expect(again.body.workspaces.map((w: { name: string }) => w.name)).toEqual(['Двери', 'Окна']);

		const invited = await call('POST', `/api/v1/w/${ws}/members`, { cookie, body: { roles: ['manager'] } });
		expect(invited.status).toBe(201);
		expect(invited.body.invitation.url).toMatch(new RegExp(`^${server.url}/invite/[a-z2-7]{32}$`));

		const logout = await call('DELETE', '/api/v1/session', { cookie });
		expect(logout.status).toBe(204);
		expect((await call('GET', '/api/v1/me', { cookie })).status).toBe(401);
	});

	it('answers bad input with a 400 naming each field, in the requested language', async () => {
		const ru = await call('POST', '/api/v1/session', { body: { email: 'not-an-email' } });
		expect(ru.status).toBe(400);
		expect(ru.body).toEqual({
			error: {
				code: 'validation',
				message: 'Проверьте заполнение полей',
				details: [
					{ field: 'email', message: 'Введите адрес эл. почты' },
					{ field: 'password', message: 'Заполните поле' }
				]
			}
		});
		const en = await call('POST', '/api/v1/session', { body: { email: 'not-an-email' }, lang: 'en' });
		expect(en.body.error.message).toBe('Please check the fields');
		const notJson = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
		expect(notJson.status).toBe(400);
		expect((await notJson.json()).error.details[0].field).toBe('(body)');
	});

	it('a wrong password is a 401, and an unknown bearer token is a 401 naming the header', async () => {
		const wrong = await call('POST', '/api/v1/session', { body: { email: 'nobody@example.com', password: 'whatever1' } });
		expect(wrong.status).toBe(401);
		expect(wrong.body.error.code).toBe('invalid_credentials');
		const token = await call('GET', '/api/v1/w/abc/members', { bearer: 'ptk_unknown' });
		expect(token.status).toBe(401);
		expect(token.body.error.details).toEqual([{ field: 'Authorization', message: 'unknown or revoked token' }]);
	});

	it('serves an OpenAPI 3.1 document that lists every API handler', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).body;
		expect(doc.openapi).toBe('3.1.0');
		const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
			Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, '[$1]')}`)
		);
		const handlers: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (name === '+server.ts') {
					const route = '/' + relative('src/routes', dir);
					for (const m of readFileSync(path, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) handlers.push(`${m[1]} ${route}`);
				}
			}
		};
		walk('src/routes/api');
		expect(documented.sort()).toEqual(handlers.filter((h) => !h.endsWith('/openapi.json')).sort());
		expect(doc.components.schemas.Error).toBeDefined();
	});
});
