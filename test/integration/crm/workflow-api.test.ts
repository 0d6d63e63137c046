import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '$lib/server/db/connect';
import { createApiToken } from '$lib/server/workspaces/api-tokens';
import { startServer, type RunningServer } from '../../helpers/server';
import { DEAL_FLOW, bpmn, workflowWorkspace } from './workflow-fixtures';

describe('the workflow over the REST API, against the built server', () => {
	let server: RunningServer;
	let db: Database;
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let token: string;
	let processId: string;
	beforeAll(async () => {
		server = await startServer();
		db = await connect(`file:${server.dbPath}`);
		ws = await workflowWorkspace('api', db);
		await ws.group('Продажи', [await ws.person(['employee'], 'anna')]);
		processId = await ws.processOf('Продажа кухни', 'deal', await bpmn('kitchen', DEAL_FLOW));
		token = (await createApiToken(db, ws.owner.scope, { name: 'CRM', roles: ['owner'] })).token;
	});
	afterAll(async () => {
		db?.close();
		await server?.stop();
	});

	const call = async (method: string, path: string, body?: unknown) => {
		const res = await fetch(`${server.url}/api/v1/w/${ws.workspaceId}${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		return { status: res.status, body: res.status === 204 ? null : await res.json() };
	};

	it('publishes a process (201, then 200 for the same revision) and lists its pipeline', async () => {
		const first = await call('POST', `/processes/${processId}/publish`, {});
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({ version: 1, revision: 1, created: true, pipeline: { key: 'kitchen', entityType: 'deal' } });
		expect((await call('POST', `/processes/${processId}/publish`)).status).toBe(200);
		const pipelines = await call('GET', '/pipelines?type=deal');
		expect(pipelines.body).toEqual([expect.objectContaining({ key: 'kitchen', processId, version: 1, stages: [{ key: 'new', label: 'Новая' }, { key: 'meeting', label: 'Встреча' }] })]);
	});

	it('answers 422 naming the elements when a diagram cannot be published', async () => {
		const broken = await ws.processOf('Черновик', 'deal', await bpmn('draft', '<startEvent id="start" name="Старт" /><sequenceFlow id="f" sourceRef="start" targetRef="work" /><userTask id="work" name="Работа" />'));
		const res = await call('POST', `/processes/${broken}/publish`, {});
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('publish_refused');
		expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('work');
	});

	it('cannot move a deal past a required field; moves where the diagram leads; refuses where it does not', async () => {
		const created = await call('POST', '/records', { type: 'deal', pipeline: 'kitchen', title: 'Кухня через API' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ stage: 'new', status: 'open' });
		const id = created.body.id;
		const card = await call('GET', `/records/${id}`);
		expect(card.body.allowedMoves).toEqual([
			{ stage: 'meeting', outcome: 'meeting', missingFields: ['meeting_at'] },
			{ stage: 'lost', outcome: 'lost', missingFields: ['loss_reason'] }
		]);

		const stopped = await call('POST', `/records/${id}/move`, { stage: 'meeting' });
		expect(stopped.status).toBe(422);
		expect(stopped.body.error).toMatchObject({ code: 'required_fields_missing', message: 'Заполните обязательные поля: Дата встречи', details: [{ field: 'meeting_at' }] });
		expect((await call('GET', `/records/${id}`)).body.stage).toBe('new');

		const refused = await call('POST', `/records/${id}/move`, { stage: 'won' });
		expect(refused.status).toBe(409);
		expect(refused.body.error.code).toBe('move_not_allowed');

		const moved = await call('POST', `/records/${id}/move`, { stage: 'meeting', fields: { meeting_at: '2026-05-01T10:00:00+03:00' } });
		expect(moved.status).toBe(200);
		expect(moved.body).toMatchObject({ id, stage: 'meeting', allowedMoves: [{ stage: 'won' }, { stage: 'lost' }] });
	});

	it('lists the stage task and completes it: 422 without the result, 200 with it, 409 once completed', async () => {
		const tasks = await call('GET', '/tasks?assignee=all&status=open');
		const task = tasks.body.items.find((t: { title: string }) => t.title === 'Провести встречу');
		expect(task).toMatchObject({ resultRequired: true, stage: { key: 'meeting' }, outcomes: [{ key: 'won' }, { key: 'lost' }] });
		const noResult = await call('POST', `/tasks/${task.id}/complete`, { outcome: 'won' });
		expect(noResult.status).toBe(422);
		expect(noResult.body.error.code).toBe('result_required');
		const missing = await call('POST', `/tasks/${task.id}/complete`, { outcome: 'lost', result: 'Отказались' });
		expect(missing.status).toBe(422);
		expect(missing.body.error).toMatchObject({ code: 'required_fields_missing', details: [{ field: 'loss_reason' }] });
		const done = await call('POST', `/tasks/${task.id}/complete`, { outcome: 'won', result: 'Договор подписан на встрече' });
		expect(done.status).toBe(200);
		expect(done.body).toMatchObject({ status: 'completed', result: 'Договор подписан на встрече' });
		expect((await call('POST', `/tasks/${task.id}/complete`, { outcome: 'won', result: 'ещё раз' })).status).toBe(409);
		expect((await call('GET', `/records/${task.records[0].id}`)).body.status).toBe('won');
	});

	it('creates a task by hand about a record', async () => {
		const record = (await call('GET', '/records?type=deal')).body.items[0];
		const created = await call('POST', '/tasks', { title: 'Отправить фото кухни', recordIds: [record.id], deadline: '2026-05-02T12:00:00Z' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ title: 'Отправить фото кухни', status: 'open', records: [{ id: record.id }], deadlineAt: '2026-05-02T12:00:00.000Z' });
	});

	it('moves the reminder before a meeting when PATCH changes the meeting time', async () => {
		await ws.published('Встречи', 'deal', await bpmn('meetings', MEETINGS));
		const id = (await call('POST', '/records', { type: 'deal', pipeline: 'meetings', title: 'Встреча через API' })).body.id;
		const meetingAt = Date.parse('2030-05-01T10:00:00Z');
		await call('POST', `/records/${id}/move`, { stage: 'meet', fields: { meeting_at: new Date(meetingAt).toISOString() } });
		const reminder = async () => {
			const rs = await db.client.execute({
				sql: `select t.due_at from engine_timers t join crm_record_instances r on r.instance_id = t.instance_id where r.record_id = ? and t.element_id = 'remind'`,
				args: [id]
			});
			return rs.rows.map((r) => new Date(Number(r.due_at)).toISOString());
		};
		expect(await reminder()).toEqual(['2030-05-01T09:00:00.000Z']);

		const patched = await call('PATCH', `/records/${id}`, { fields: { meeting_at: new Date(meetingAt + 24 * 3600_000).toISOString() } });

		expect(patched.status).toBe(200);
		expect(patched.body.changed).toEqual(['meeting_at']);
		expect(await reminder()).toEqual(['2030-05-02T09:00:00.000Z']);
	});
});

/** Book a meeting, then hold it; a reminder an hour before it, by the record's `meeting_at`. */
const MEETINGS = `
    <startEvent id="s" name="Старт" />
    <sequenceFlow id="f1" sourceRef="s" targetRef="book" />
    <userTask id="book" name="Назначить встречу"><extensionElements><potok:stage key="book" label="Назначить" />
      <potok:fields><potok:field key="meeting_at" label="Встреча" type="datetime" required="true" /></potok:fields></extensionElements></userTask>
    <sequenceFlow id="f2" sourceRef="book" targetRef="meet" />
    <userTask id="meet" name="Провести встречу"><extensionElements><potok:stage key="meet" label="Встреча назначена" /></extensionElements></userTask>
    <boundaryEvent id="remind" name="За час" attachedToRef="meet" cancelActivity="false"><timerEventDefinition><timeDate>=record.meeting_at - duration("PT1H")</timeDate></timerEventDefinition></boundaryEvent>
    <sequenceFlow id="r1" sourceRef="remind" targetRef="told" />
    <endEvent id="told" name="Напомнили" />
    <sequenceFlow id="f3" sourceRef="meet" targetRef="e" />
    <endEvent id="e" name="Конец" />`;
