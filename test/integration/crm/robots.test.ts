import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { and, eq } from 'drizzle-orm';
import { VirtualClock } from '$lib/engine';
import { crmLinks, notifications } from '$lib/server/db/schema';
import { EngineHost } from '$lib/server/engine-host/engine-host';
import { getRecord } from '$lib/server/crm/records';
import { listTimeline } from '$lib/server/crm/timeline';
import { workflowHostOptions } from '$lib/server/workflow/host';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '$lib/server/workflow/notifications';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { moveRecord, recordWorkflow } from '$lib/server/workflow/moves';
import { completeTaskAsPerson, listTasks } from '$lib/server/workflow/work-tasks';
import { setWorkflowClock } from '$lib/server/workflow/workflow-tx';
import { realClock } from '$lib/engine';
import { bpmn, workflowWorkspace, type Person } from './workflow-fixtures';

const robot = (kind: string, id: string, name: string, type: string, inputs: Record<string, string>) =>
	`<${kind} id="${id}" name="${name}"><extensionElements><potok:robot type="${type}">${Object.entries(inputs)
		.map(([k, v]) => `<potok:input name="${k}" value="${v.replace(/"/g, '&quot;')}" />`)
		.join('')}</potok:robot></extensionElements></${kind}>`;
const chain = (ids: string[]) => ids.slice(1).map((id, i) => `<sequenceFlow id="c${i}" sourceRef="${ids[i]}" targetRef="${id}" />`).join('\n');

/** Deals: robots that set fields, write the log, set a task, hand the deal over, notify, make a contact, start the installation. */
const DEALS = `
  <startEvent id="start" name="Сделка" />
  ${robot('serviceTask', 'fill', 'Заполнить поля', 'set-fields', { source: 'web', comments: '="Сумма со скидкой: " + string(1000 * 0.9)' })}
  ${robot('serviceTask', 'note', 'Запись в отчёт', 'log', { text: '="Источник: " + record.source' })}
  ${robot('serviceTask', 'todo', 'Поставить задачу', 'create-task', { title: 'Позвонить клиенту', due: 'PT2H', resultRequired: 'true' })}
  ${robot('serviceTask', 'handover', 'Передать менеджеру', 'change-responsible', { user: 'boris-robots@example.com' })}
  ${robot('sendTask', 'tell', 'Уведомить', 'send-message', { channel: 'app', text: '="Вам передана сделка " + record.title' })}
  ${robot('serviceTask', 'contact', 'Создать контакт', 'create-record', { type: 'contact', 'field.name': 'Иван', 'field.phone': '+7 999 000-11-22' })}
  ${robot('serviceTask', 'mount', 'Запустить монтаж', 'start-process', { pipeline: 'install' })}
  <userTask id="wait" name="Ждать оплату"><extensionElements><potok:stage key="waiting" label="Ждём оплату" /><potok:outcomes><potok:outcome key="paid" label="Оплачено" /></potok:outcomes></extensionElements></userTask>
  <endEvent id="won" name="Успешно"><extensionElements><potok:outcome status="won" /></extensionElements></endEvent>
  ${chain(['start', 'fill', 'note', 'todo', 'handover', 'tell', 'contact', 'mount', 'wait', 'won'])}`;

const INSTALL = `
  <startEvent id="s" name="Монтаж" />
  <userTask id="do_mount" name="Смонтировать кухню"><extensionElements><potok:stage key="mounting" label="Монтаж" /></extensionElements></userTask>
  <endEvent id="e" name="Смонтировано" />
  ${chain(['s', 'do_mount', 'e'])}`;

const LEADS = `
  <startEvent id="in" name="Лид" />
  <userTask id="qualify" name="Квалифицировать"><extensionElements><potok:stage key="new" label="Новый" />
    <potok:fields><potok:field key="company_title" label="Компания" type="string" requiredWhen="=outcome = &quot;target&quot;" /></potok:fields>
    <potok:outcomes><potok:outcome key="target" label="Целевой" /></potok:outcomes></extensionElements></userTask>
  ${robot('serviceTask', 'convert', 'Конвертировать', 'convert-record', { pipeline: 'deals' })}
  <endEvent id="converted" name="Сконвертирован"><extensionElements><potok:outcome status="converted" /></extensionElements></endEvent>
  ${chain(['in', 'qualify', 'convert', 'converted'])}`;

describe('robots', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let anna: Person;
	let boris: Person;
	beforeAll(async () => {
		ws = await workflowWorkspace('robots');
		anna = await ws.person(['employee'], 'anna');
		boris = await ws.person(['employee'], 'boris');
		await ws.published('Монтаж', 'deal', await bpmn('install', INSTALL));
		await ws.published('Сделки', 'deal', await bpmn('deals', DEALS));
		await ws.published('Лиды', 'lead', await bpmn('leads', LEADS));
	});
	afterAll(() => ws.db.dispose());

	it('run inside the command that reaches them, in order, each with its effect on the record', async () => {
		const deal = await createRecordInPipeline(ws.db, anna.scope, { type: 'deal', pipeline: 'deals', title: 'Кухня с роботами' });
		const record = await getRecord(ws.db, ws.owner.scope, deal.id);
		expect(record).toMatchObject({ stage: 'waiting', responsibleId: boris.userId });
		expect(record.values).toMatchObject({ source: 'web', comments: 'Сумма со скидкой: 900' });
		const timeline = await listTimeline(ws.db, ws.owner.scope, deal.id, { limit: 200 });
		expect(timeline.find((e) => e.kind === 'log')?.payload.text).toBe('Источник: web');
		expect(timeline.filter((e) => e.kind === 'robot').map((e) => e.payload.robot)).toEqual(expect.arrayContaining(['set-fields', 'send-message', 'create-record', 'start-process']));
		const tasks = await listTasks(ws.db, ws.owner.scope, { assignee: 'all', recordId: deal.id });
		expect(tasks.find((t) => t.title === 'Позвонить клиенту')).toMatchObject({ responsibleId: anna.userId, resultRequired: true });
		// the installation runs beside the deal: its task is about the deal, the deal keeps its stage
		expect(tasks.find((t) => t.title === 'Смонтировать кухню')).toBeTruthy();
		const [note] = await ws.db.db.select().from(notifications).where(eq(notifications.recordId, deal.id));
		expect(note).toMatchObject({ userId: boris.userId, text: 'Вам передана сделка Кухня с роботами' });
		expect(await unreadNotificationCount(ws.db, boris.scope)).toBe(1);
		expect((await listNotifications(ws.db, boris.scope))[0]).toMatchObject({ text: note!.text, recordTitle: 'Кухня с роботами', readAt: null });
		await markNotificationsRead(ws.db, boris.scope);
		expect(await unreadNotificationCount(ws.db, boris.scope)).toBe(0);
		expect(await ws.db.db.select().from(crmLinks).where(eq(crmLinks.fromId, deal.id))).toHaveLength(1);
	});

	it('convert a lead into a contact, a company and a deal in the chosen pipeline, all linked', async () => {
		const lead = await createRecordInPipeline(ws.db, anna.scope, { type: 'lead', title: 'Заявка Ромашки', values: { name: 'Пётр', phone: ['+7 911 123-45-67'], company_title: 'ООО «Ромашка»' } });
		const [task] = await listTasks(ws.db, anna.scope, { recordId: lead.id });
		await completeTaskAsPerson(ws.db, anna.scope, task!.id, { outcome: 'target' });
		expect((await getRecord(ws.db, ws.owner.scope, lead.id)).status).toBe('converted');
		const links = await ws.db.db.select().from(crmLinks).where(eq(crmLinks.fromId, lead.id));
		expect(links).toHaveLength(3);
		const records = await Promise.all(links.map((l) => getRecord(ws.db, ws.owner.scope, l.toId)));
		const deal = records.find((r) => r.type === 'deal')!;
		const contact = records.find((r) => r.type === 'contact')!;
		const company = records.find((r) => r.type === 'company')!;
		expect(deal).toMatchObject({ pipeline: 'deals', stage: 'waiting', title: 'Заявка Ромашки' });
		expect(contact).toMatchObject({ title: 'Пётр', values: { phone: ['+79111234567'] } });
		expect(company.title).toBe('ООО «Ромашка»');
		const dealLinks = await ws.db.db.select().from(crmLinks).where(eq(crmLinks.fromId, deal.id));
		expect(dealLinks.map((l) => l.toId)).toEqual(expect.arrayContaining([contact.id, company.id]));
		expect(await ws.db.db.select().from(crmLinks).where(and(eq(crmLinks.fromId, contact.id), eq(crmLinks.toId, company.id)))).toHaveLength(1);
	});

	it('a robot that fails on the data stops its process with an incident on the record, changing nothing else', async () => {
		await ws.published('Сломанный', 'deal', await bpmn('broken', `<startEvent id="s" name="Старт" />${robot('serviceTask', 'bad', 'Неверное поле', 'set-fields', { amount: 'не число' })}<userTask id="after" name="Дальше"><extensionElements><potok:stage key="after" /></extensionElements></userTask><endEvent id="e" name="Конец" />${chain(['s', 'bad', 'after', 'e'])}`));
		const deal = await createRecordInPipeline(ws.db, anna.scope, { type: 'deal', pipeline: 'broken', title: 'С ошибкой' });
		const record = await getRecord(ws.db, ws.owner.scope, deal.id);
		expect(record.stage).toBeNull();
		expect(record.values.amount).toBeUndefined();
		const incident = (await listTimeline(ws.db, ws.owner.scope, deal.id)).find((e) => e.kind === 'incident');
		expect(incident?.payload).toMatchObject({ event: 'created', element: 'bad', name: 'Неверное поле' });
		expect(String(incident?.payload.message)).toContain('values.amount');
	});
});

describe('robots and timers run by the engine host after the commit', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let server: Server;
	let url: string;
	const received: unknown[] = [];
	let failures = 0;
	const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
	beforeAll(async () => {
		setWorkflowClock(clock);
		ws = await workflowWorkspace('host');
		server = createServer((req, res) => {
			let body = '';
			req.on('data', (d) => (body += d));
			req.on('end', () => {
				if (failures > 0) {
					failures--;
					res.writeHead(503).end();
					return;
				}
				received.push(JSON.parse(body));
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
	});
	afterAll(async () => {
		setWorkflowClock(realClock);
		await new Promise((resolve) => server.close(resolve));
		ws.db.dispose();
	});

	it('a webhook posts JSON after the commit, is retried with backoff, and becomes an incident when it keeps failing', async () => {
		await ws.published('С вебхуком', 'deal', await bpmn('hooked', `<startEvent id="s" name="Старт" />${robot('serviceTask', 'hook', 'Отправить в 1С', 'webhook', { url })}<userTask id="after" name="После"><extensionElements><potok:stage key="after" /></extensionElements></userTask><endEvent id="e" name="Конец" />${chain(['s', 'hook', 'after', 'e'])}`));
		const host = new EngineHost(ws.db, { clock, ...workflowHostOptions(ws.db) });
		failures = 1;
		const deal = await createRecordInPipeline(ws.db, ws.owner.scope, { type: 'deal', pipeline: 'hooked', title: 'В 1С' });
		expect(received).toEqual([]);
		await host.tick();
		expect(received).toEqual([]);
		clock.advance(11_000);
		await host.tick();
		expect(received).toEqual([expect.objectContaining({ event: 'potok.webhook', record: expect.objectContaining({ id: deal.id, title: 'В 1С' }) })]);
		expect((await getRecord(ws.db, ws.owner.scope, deal.id)).stage).toBe('after');
		const timeline = await listTimeline(ws.db, ws.owner.scope, deal.id);
		expect(timeline.filter((e) => e.kind === 'robot').map((e) => e.payload.error ?? e.payload.done)).toEqual([true, expect.stringContaining('503')]);

		failures = 10;
		const doomed = await createRecordInPipeline(ws.db, ws.owner.scope, { type: 'deal', pipeline: 'hooked', title: 'Недоставленный' });
		for (let i = 0; i < 5; i++) {
			await host.tick();
			clock.advance(3_600_000);
		}
		const incident = (await listTimeline(ws.db, ws.owner.scope, doomed.id)).find((e) => e.kind === 'incident');
		expect(incident?.payload).toMatchObject({ event: 'created', element: 'hook', name: 'Отправить в 1С' });
		expect((await getRecord(ws.db, ws.owner.scope, doomed.id)).stage).toBeNull();
		failures = 0;
	});

	it('reminds an hour before the meeting, by the date in the record', async () => {
		const anna = await ws.person(['employee'], 'anna');
		await ws.published('Встречи', 'deal', await bpmn('meetings', `
			<startEvent id="s" name="Старт" />
			<userTask id="book" name="Назначить встречу"><extensionElements><potok:stage key="book" label="Назначить" />
				<potok:fields><potok:field key="meeting_at" label="Встреча" type="datetime" required="true" /></potok:fields></extensionElements></userTask>
			<userTask id="meet" name="Провести встречу"><extensionElements><potok:stage key="meet" label="Встреча назначена" /></extensionElements></userTask>
			<boundaryEvent id="remind" name="За час" attachedToRef="meet" cancelActivity="false"><timerEventDefinition><timeDate>=record.meeting_at - duration("PT1H")</timeDate></timerEventDefinition></boundaryEvent>
			${robot('sendTask', 'tell', 'Напомнить', 'send-message', { channel: 'app', text: '="Через час: " + record.title' })}
			<endEvent id="told" name="Напомнили" /><endEvent id="e" name="Конец" />
			${chain(['s', 'book', 'meet', 'e'])}<sequenceFlow id="r1" sourceRef="remind" targetRef="tell" /><sequenceFlow id="r2" sourceRef="tell" targetRef="told" />`));
		const host = new EngineHost(ws.db, { clock, ...workflowHostOptions(ws.db) });
		const deal = await createRecordInPipeline(ws.db, anna.scope, { type: 'deal', pipeline: 'meetings', title: 'Встреча с Ивановыми' });
		const meetingAt = new Date(clock.now() + 5 * 3600_000);
		await expect(moveRecord(ws.db, anna.scope, deal.id, { stage: 'meet' })).rejects.toMatchObject({ code: 'required_fields_missing' });
		await moveRecord(ws.db, anna.scope, deal.id, { stage: 'meet', fields: { meeting_at: meetingAt.toISOString() } });
		clock.set(meetingAt.getTime() - 3600_000 - 1000);
		await host.tick();
		expect(await ws.db.db.select().from(notifications).where(eq(notifications.recordId, deal.id))).toEqual([]);
		clock.advance(1000);
		await host.tick();
		const [note] = await ws.db.db.select().from(notifications).where(eq(notifications.recordId, deal.id));
		expect(note).toMatchObject({ userId: anna.userId, text: 'Через час: Встреча с Ивановыми' });
		expect((await recordWorkflow(ws.db, anna.scope, deal.id)).stage).toBe('meet');
	});
});
