/**
 * The designer's REST API against the built server on a real libsql file: processes, saving
 * revisions with conflict detection, the XML exactly as stored, validation and lint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type Database } from '$lib/server/db/connect';
import { createSession } from '$lib/server/auth/sessions';
import { sha256Hex } from '$lib/server/processes/diagram-check';
import { addMember, makeWorkspace } from '../helpers/fixtures';
import { MIWG_DIR } from '../helpers/interop';
import { startServer, type RunningServer } from '../helpers/server';

/** start → «Позвонить» (stage with outcomes) → gateway routed by one outcome only → two ends. */
const funnel = (conditionB: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="defs" targetNamespace="https://potok.dev/bpmn">
  <bpmn:process id="sale" isExecutable="true">
    <bpmn:startEvent id="start" name="Заявка" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="Позвонить">
      <bpmn:extensionElements>
        <potok:stage key="call" />
        <potok:outcomes><potok:outcome key="reached" label="Дозвонились" /><potok:outcome key="no_answer" label="Недозвон" /></potok:outcomes>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="gw" />
    <bpmn:exclusiveGateway id="gw" name="Дозвонились?" />
    <bpmn:sequenceFlow id="fa" sourceRef="gw" targetRef="done"><bpmn:conditionExpression>=outcome = "reached"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fb" sourceRef="gw" targetRef="lost"><bpmn:conditionExpression>${conditionB}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:endEvent id="done" name="Встреча" />
    <bpmn:endEvent id="lost" name="Отказ" />
  </bpmn:process>
</bpmn:definitions>
`;

describe('processes API', () => {
	let server: RunningServer;
	let db: Database;
	let ws: string;
	let analyst: string;
	let secondAnalyst: string;
	let manager: string;
	let outsider: string;

	beforeAll(async () => {
		server = await startServer();
		db = await connect(`file:${server.dbPath}`);
		const a = await makeWorkspace(db, 'owner@kitchens.test', 'Кухни');
		ws = a.workspaceId;
		const cookie = async (userId: string) => `potok_session=${(await createSession(db, userId)).token}`;
		analyst = await cookie((await addMember(db, ws, 'anna@kitchens.test', ['analyst'])).userId);
		secondAnalyst = await cookie((await addMember(db, ws, 'boris@kitchens.test', ['analyst'])).userId);
		manager = await cookie((await addMember(db, ws, 'mila@kitchens.test', ['manager'])).userId);
		outsider = await cookie((await makeWorkspace(db, 'owner@other.test', 'Другая')).ownerId);
	});
	afterAll(async () => {
		db?.close();
		await server?.stop();
	});

	async function call(method: string, path: string, opts: { cookie: string; json?: unknown; xml?: string; type?: string; lang?: string }) {
		const headers: Record<string, string> = { cookie: opts.cookie, 'accept-language': opts.lang ?? 'ru' };
		let body: string | undefined;
		if (opts.json !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(opts.json);
		} else if (opts.xml !== undefined) {
			headers['content-type'] = opts.type ?? 'application/xml';
			body = opts.xml;
		}
		const res = await fetch(server.url + path, { method, headers, body });
		const text = await res.text();
		const isJson = res.headers.get('content-type')?.includes('json');
		return { status: res.status, body: isJson && text ? JSON.parse(text) : text, headers: res.headers };
	}

	async function newProcess(name = 'Продажа кухни') {
		const created = await call('POST', `/api/v1/w/${ws}/processes`, { cookie: analyst, json: { name, entityType: 'deal' } });
		expect(created.status).toBe(201);
		return created.body.id as string;
	}

	it('creates a process and lists it with both tracks empty', async () => {
		const created = await call('POST', `/api/v1/w/${ws}/processes`, {
			cookie: analyst,
			json: { name: 'Увольнение', description: 'Обходной лист', entityType: 'Увольнение сотрудника' }
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			id: expect.any(String),
			name: 'Увольнение',
			entityType: 'Увольнение сотрудника',
			tracks: { as_is: { latest: null }, to_be: { latest: null } }
		});
		const list = await call('GET', `/api/v1/w/${ws}/processes`, { cookie: analyst });
		expect(list.body.processes.map((p: { id: string }) => p.id)).toContain(created.body.id);
		const one = await call('GET', `/api/v1/w/${ws}/processes/${created.body.id}`, { cookie: analyst });
		expect(one.body.description).toBe('Обходной лист');

		const invalid = await call('POST', `/api/v1/w/${ws}/processes`, { cookie: analyst, json: { name: ' ', entityType: '' } });
		expect(invalid.status).toBe(400);
		expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['entityType', 'name']);
	});

	it('saves revisions, serves the XML exactly as stored, and refuses a save on an outdated base', async () => {
		const id = await newProcess();
		const track = `/api/v1/w/${ws}/processes/${id}/tracks/as_is`;
		const first = funnel('=outcome = "other"');
		const saved = await call('PUT', `${track}?base=0&message=${encodeURIComponent('Первая версия')}`, { cookie: analyst, xml: first });
		expect(saved.status).toBe(201);
		expect(saved.body.revision).toBe(1);
		expect(saved.body.sha256).toBe(sha256Hex(first));
		// the gateway does not route «Недозвон»: lint says so, in Russian, naming the gateway
		expect(saved.body.lint).toContainEqual(
			expect.objectContaining({ id: 'gw', name: 'Дозвонились?', rule: 'potok/routed-outcomes', message: expect.stringContaining('"no_answer"') })
		);
		expect(saved.body.lint.find((p: { rule: string }) => p.rule === 'potok/routed-outcomes').message).toMatch(/не обработан/);

		const latest = await call('GET', `${track}/revisions/latest.bpmn`, { cookie: analyst });
		expect(latest.status).toBe(200);
		expect(latest.headers.get('content-type')).toMatch(/application\/xml/);
		expect(latest.body).toBe(first);
		expect((await call('GET', `${track}/revisions/1.bpmn`, { cookie: analyst })).body).toBe(first);

		// Борис opened revision 1 too; Анна saves revision 2 first; Борис's save on base 1 is refused.
		const second = funnel('=outcome = "no_answer"');
		expect((await call('PUT', `${track}?base=1`, { cookie: analyst, xml: second })).status).toBe(201);
		const conflict = await call('PUT', `${track}?base=1`, { cookie: secondAnalyst, xml: funnel('=true') });
		expect(conflict.status).toBe(409);
		expect(conflict.body.error.code).toBe('revision_conflict');
		expect(conflict.body.error.message).toContain('anna');
		expect(conflict.body.error.message).toContain('№2');
		expect((await call('GET', `${track}/revisions/latest.bpmn`, { cookie: analyst })).body).toBe(second);

		const revisions = await call('GET', `${track}/revisions`, { cookie: analyst });
		expect(revisions.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
		expect(revisions.body.revisions[1]).toMatchObject({ message: 'Первая версия', author: 'anna', base: 0, sha256: sha256Hex(first) });
		expect((await call('GET', `${track}/revisions/3.bpmn`, { cookie: analyst })).status).toBe(404);
		expect((await call('GET', `${track}/revisions/abc.bpmn`, { cookie: analyst })).status).toBe(404);

		const lintAfter = await call('PUT', track, { cookie: analyst, xml: second });
		expect(lintAfter.body.lint.filter((p: { rule: string }) => p.rule === 'potok/routed-outcomes')).toEqual([]);
	});

	it("the editor page preloads the revision's XML from the API instead of carrying it", async () => {
		const id = await newProcess('Кухня: редактор');
		const diagram = funnel('=outcome = "no_answer"');
		expect((await call('PUT', `/api/v1/w/${ws}/processes/${id}/tracks/as_is?base=0`, { cookie: analyst, xml: diagram })).status).toBe(201);
		const editor = await call('GET', `/w/${ws}/processes/${id}/edit/as_is`, { cookie: analyst });
		expect(editor.status).toBe(200);
		const xmlUrl = `/api/v1/w/${ws}/processes/${id}/tracks/as_is/revisions/1.bpmn`;
		expect(editor.body).toContain(`<link rel="preload" as="fetch" href="${xmlUrl}" crossorigin="anonymous"`);
		expect(editor.body).not.toContain('Дозвонились?');
		// what the page fetches is the revision exactly as saved
		expect((await call('GET', xmlUrl, { cookie: analyst })).body).toBe(diagram);
		// a track not saved yet opens a blank diagram, small enough to come with the page
		const blank = await call('GET', `/w/${ws}/processes/${id}/edit/to_be`, { cookie: analyst });
		expect(blank.body).not.toContain('rel="preload" as="fetch"');
		expect(blank.body).toContain('bpmn:definitions');
	});

	it('the editor starts with a few scripts, and pages without the modeler do not load it', async () => {
		const id = await newProcess('Кухня: скрипты');
		expect((await call('PUT', `/api/v1/w/${ws}/processes/${id}/tracks/as_is?base=0`, { cookie: analyst, xml: funnel('=true') })).status).toBe(201);
		/** The scripts a page has the browser fetch before it starts (SvelteKit lists them in its Link header). */
		const preloads = async (path: string) => {
			const page = await call('GET', path, { cookie: analyst });
			expect(page.status).toBe(200);
			return [...(page.headers.get('link') ?? '').matchAll(/<([^>]+)>; rel="modulepreload"/g)].map((m) => new URL(m[1]!, server.url + path).pathname);
		};
		/** Whether the script holds bpmn-js's editing modeler (its palette). */
		const holdsModeler = async (script: string) => (await (await fetch(server.url + script)).text()).includes('djs-palette');

		const editor = await preloads(`/w/${ws}/processes/${id}/edit/as_is`);
		// each request costs a page on a busy machine; left to itself the bundler made 22
		expect(editor.length).toBeLessThanOrEqual(10);
		expect((await Promise.all(editor.map(holdsModeler))).filter(Boolean)).toHaveLength(1);
		// a revision shown read-only loads its viewer when it draws; the list has no diagram at all
		for (const path of [`/w/${ws}/processes/${id}/revisions/as_is/1`, `/w/${ws}/processes`]) {
			const scripts = await preloads(path);
			expect(scripts.length).toBeGreaterThan(0);
			expect(await Promise.all(scripts.map(holdsModeler)), path).not.toContain(true);
		}
	});

	it('refuses invalid, hostile and oversized diagrams with errors naming the problem, storing nothing', async () => {
		const id = await newProcess('Проверки');
		const track = `/api/v1/w/${ws}/processes/${id}/tracks/to_be`;

		const badFeel = await call('PUT', track, { cookie: analyst, xml: funnel('=outcome = "x') });
		expect(badFeel.status).toBe(422);
		expect(badFeel.body.error.code).toBe('diagram_invalid');
		expect(badFeel.body.error.details).toContainEqual(expect.objectContaining({ field: expect.stringMatching(/^fb\./) }));

		const notXml = await call('PUT', track, { cookie: analyst, xml: 'hello' });
		expect([400, 422]).toContain(notXml.status);

		const hostile = await call('PUT', track, {
			cookie: analyst,
			xml: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>`
		});
		expect(hostile.status).toBe(400);
		expect(hostile.body.error.code).toBe('diagram_hostile');

		const json = await call('PUT', track, { cookie: analyst, xml: funnel('=true'), type: 'application/json' });
		expect(json.status).toBe(400);
		expect(json.body.error.details[0].message).toMatch(/application\/xml/);

		const big = funnel('=true').replace('<bpmn:process', `<!-- ${'x'.repeat(10 * 1024 * 1024)} --><bpmn:process`);
		const tooLarge = await call('PUT', track, { cookie: analyst, xml: big });
		expect(tooLarge.status).toBe(413);

		expect((await call('PUT', `/api/v1/w/${ws}/processes/${id}/tracks/maybe`, { cookie: analyst, xml: funnel('=true') })).status).toBe(404);
		expect((await call('PUT', `/api/v1/w/${ws}/processes/nope/tracks/as_is`, { cookie: analyst, xml: funnel('=true') })).status).toBe(404);

		const revisions = await call('GET', `${track}/revisions`, { cookie: analyst });
		expect(revisions.body.revisions).toEqual([]);
	});

	it('lints without storing, in the caller’s language', async () => {
		const ru = await call('POST', `/api/v1/w/${ws}/lint`, { cookie: analyst, xml: funnel('=outcome = "other"') });
		expect(ru.status).toBe(200);
		const routed = ru.body.problems.find((p: { rule: string }) => p.rule === 'potok/routed-outcomes');
		expect(routed.message).toMatch(/не обработан/);
		const en = await call('POST', `/api/v1/w/${ws}/lint`, { cookie: analyst, xml: funnel('=outcome = "other"'), lang: 'en' });
		expect(en.body.problems.find((p: { rule: string }) => p.rule === 'potok/routed-outcomes').message).toMatch(/not routed|no_answer/i);
	});

	it('keeps draft diagrams from managers and from other workspaces', async () => {
		const id = await newProcess('Секретный');
		expect((await call('GET', `/api/v1/w/${ws}/processes/${id}`, { cookie: manager })).status).toBe(403);
		expect((await call('GET', `/api/v1/w/${ws}/processes/${id}`, { cookie: outsider })).status).toBe(404);
	});

	it('compares AS IS with TO BE: added elements and annotation changes in words', async () => {
		const id = await newProcess('Сравнение');
		const base = `/api/v1/w/${ws}/processes/${id}`;
		await call('PUT', `${base}/tracks/as_is`, { cookie: analyst, xml: funnel('=outcome = "no_answer"') });
		const toBe = funnel('=outcome = "no_answer"')
			.replace('<potok:stage key="call" />', '<potok:stage key="call" /><potok:fields><potok:field key="meeting_at" label="Дата встречи" type="datetime" required="true" /></potok:fields>')
			.replace('<bpmn:endEvent id="lost" name="Отказ" />', '<bpmn:endEvent id="lost" name="Отказ" /><bpmn:task id="survey" name="Опрос" />');
		await call('PUT', `${base}/tracks/to_be`, { cookie: analyst, xml: toBe });

		const diff = await call('GET', `${base}/diff?from=as_is:latest&to=to_be:1`, { cookie: analyst });
		expect(diff.status).toBe(200);
		expect(diff.body.from).toEqual({ track: 'as_is', revision: 1 });
		expect(diff.body.added).toEqual(['survey']);
		expect(diff.body.removed).toEqual([]);
		expect(diff.body.changed).toContain('call');
		expect(diff.body.annotations).toContainEqual(
			expect.objectContaining({ elementId: 'call', kind: 'field-added', key: 'meeting_at', message: expect.stringContaining('Дата встречи') })
		);

		const bad = await call('GET', `${base}/diff?from=as_is&to=to_be:1`, { cookie: analyst });
		expect(bad.status).toBe(400);
		expect(bad.body.error.details[0].field).toBe('from');
		expect((await call('GET', `${base}/diff?from=as_is:7&to=to_be:1`, { cookie: analyst })).status).toBe(404);
	});

	it('stores a MIWG reference file byte for byte', async () => {
		const id = await newProcess('MIWG');
		const xml = readFileSync(join(MIWG_DIR, 'C.1.0.bpmn'), 'utf8');
		const track = `/api/v1/w/${ws}/processes/${id}/tracks/as_is`;
		const saved = await call('PUT', track, { cookie: analyst, xml });
		expect(saved.status).toBe(201);
		expect((await call('GET', `${track}/revisions/latest.bpmn`, { cookie: analyst })).body).toBe(xml);
	});
});
