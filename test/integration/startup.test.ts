import { afterAll, describe, expect, it } from 'vitest';
import { startExpectingFailure, startServer, type RunningServer } from '../helpers/server';

describe('starting the server', () => {
	const servers: RunningServer[] = [];
	afterAll(async () => {
		for (const s of servers) await s.stop();
	});

	it('stops at start with a message naming DATABASE_URL when it is of an unknown kind', async () => {
		const { code, output } = await startExpectingFailure({ DATABASE_URL: 'postgres://db.example/potok' });
		expect(code).toBe(1);
		expect(output).toContain('Potok cannot start: DATABASE_URL must start with file:');
		expect(output).not.toContain('    at ');
	});

	it('stops at start when the database file cannot be created', async () => {
		const { code, output } = await startExpectingFailure({ DATABASE_URL: 'file:/etc/hostname/potok.db' });
		expect(code).toBe(1);
		expect(output).toContain('DATABASE_URL=file:/etc/hostname/potok.db');
	});

	it('on a fresh database creates the demo company, and its people log in with POTOK_DEMO_PASSWORD', async () => {
		const server = await startServer({ POTOK_DEMO: 'on', POTOK_DEMO_PASSWORD: 'kitchen-demo-1' });
		servers.push(server);
		expect(server.output()).toContain('«Кухни на заказ»');
		expect(server.output()).not.toContain('kitchen-demo-1');
		const login = await fetch(`${server.url}/api/v1/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'head@demo.potok', password: 'kitchen-demo-1' })
		});
		expect(login.status).toBe(200);
		const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
		const meResponse = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
		// a fresh session is not extended, so the cookie is not sent again
		expect(meResponse.headers.get('set-cookie')).toBeNull();
		const me = await meResponse.json();
		expect(me.workspaces).toEqual([{ id: expect.any(String), name: 'Кухни на заказ', roles: ['manager'] }]);
		const members = await (await fetch(`${server.url}/api/v1/w/${me.workspaces[0].id}/members`, { headers: { cookie } })).json();
		const sales = members.members.filter((m: { groups: { name: string }[] }) => m.groups.some((g) => g.name === 'Отдел продаж'));
		expect(sales.map((m: { email: string }) => m.email).sort()).toEqual(['manager1@demo.potok', 'manager2@demo.potok']);
	});

	it('prints a generated demo password once when none is set', async () => {
		const server = await startServer({ POTOK_DEMO: 'on' });
		servers.push(server);
		const password = /shown only now\): (\S+)/.exec(server.output())?.[1];
		expect(password).toMatch(/^[a-z2-7]{12}$/);
		const login = await fetch(`${server.url}/api/v1/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'owner@demo.potok', password })
		});
		expect(login.status).toBe(200);
	});
});
