import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '$lib/server/auth/sessions';
import { listFields } from '$lib/server/crm/fields';
import { connect, type Database } from '$lib/server/db/connect';
import { startServer, type RunningServer } from '../../helpers/server';
import { workflowWorkspace } from './workflow-fixtures';

/** Settings → Fields: a drag posts the complete new order to the `move` action of the built server. */
describe('reordering fields by drag, against the built server', () => {
	let server: RunningServer;
	let db: Database;
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let cookie: string;
	beforeAll(async () => {
		server = await startServer();
		db = await connect(`file:${server.dbPath}`);
		ws = await workflowWorkspace('field-order', db);
		cookie = `potok_session=${(await createSession(db, ws.owner.userId)).token}`;
	});
	afterAll(async () => {
		db?.close();
		await server?.stop();
	});

	const keysOf = async () => (await listFields(db, ws.owner.scope, 'company')).map((f) => f.key);

	/** Posts the form as `use:enhance` does and answers SvelteKit's action result. */
	const post = async (form: [string, string][]) => {
		const res = await fetch(`${server.url}/w/${ws.workspaceId}/settings/fields/company?/move`, {
			method: 'POST',
			headers: { origin: server.url, cookie, 'accept-language': 'ru', accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString()
		});
		const body = (await res.json()) as { type: string; status?: number; data?: string };
		return { ...body, data: body.data ? (JSON.parse(body.data) as unknown[]) : [] };
	};

	it('puts the fields in the posted order when it lists every field once', async () => {
		const before = await keysOf();
		const dragged = [before[2]!, ...before.filter((_, i) => i !== 2)];

		const result = await post(dragged.map((k) => ['keys', k]));

		expect(result.type).toBe('success');
		expect(await keysOf()).toEqual(dragged);
	});

	it('refuses an order that misses, repeats or invents a field, names those keys and changes nothing', async () => {
		const before = await keysOf();
		const missing = await post(before.slice(1).map((k) => ['keys', k]));
		const invented = await post([...before, 'no_such_field'].map((k) => ['keys', k]));
		const repeated = await post([...before, before[0]!].map((k) => ['keys', k]));

		for (const [result, named] of [[missing, before[0]!], [invented, 'no_such_field'], [repeated, before[0]!]] as const) {
			expect(result).toMatchObject({ type: 'failure', status: 400 });
			expect(JSON.stringify(result.data)).toContain(`Перечислите все поля по одному разу: ${named}`);
		}
		expect(await keysOf()).toEqual(before);
	});

	it('still moves one field a step with the up and down buttons', async () => {
		const before = await keysOf();
		expect((await post([['key', before[1]!], ['dir', 'up']])).type).toBe('success');
		expect(await keysOf()).toEqual([before[1], before[0], ...before.slice(2)]);
	});
});
