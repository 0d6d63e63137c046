import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import { eq } from 'drizzle-orm';
import Timeline from '$lib/components/crm/Timeline.svelte';
import { crmLinks } from '$lib/server/db/schema';
import { getRecord } from '$lib/server/crm/records';
import { listTimeline, type TimelineEntry } from '$lib/server/crm/timeline';
import { timelineJson } from '$lib/server/crm/views/record-card';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { completeTaskAsPerson, listTasks } from '$lib/server/workflow/work-tasks';
import { bpmn, workflowWorkspace, type Person } from './workflow-fixtures';

vi.mock('$app/state', () => ({ page: { data: { locale: 'ru' }, params: { ws: 'w1' } } }));

const robot = (id: string, name: string, type: string, inputs: Record<string, string>) =>
	`<serviceTask id="${id}" name="${name}"><extensionElements><potok:robot type="${type}">${Object.entries(inputs)
		.map(([k, v]) => `<potok:input name="${k}" value="${v}" />`)
		.join('')}</potok:robot></extensionElements></serviceTask>`;
const chain = (ids: string[]) => ids.slice(1).map((id, i) => `<sequenceFlow id="c${i}" sourceRef="${ids[i]}" targetRef="${id}" />`).join('\n');

/** A deal whose robots set a task and make a contact, then wait. */
const DEALS = `
  <startEvent id="start" name="Сделка" />
  ${robot('todo', 'Поставить задачу', 'create-task', { title: 'Позвонить клиенту' })}
  ${robot('contact', 'Создать контакт', 'create-record', { type: 'contact', title: 'Иван Петров' })}
  <userTask id="wait" name="Ждать оплату"><extensionElements><potok:stage key="waiting" label="Ждём оплату" /></extensionElements></userTask>
  <endEvent id="won" name="Успешно"><extensionElements><potok:outcome status="won" /></extensionElements></endEvent>
  ${chain(['start', 'todo', 'contact', 'wait', 'won'])}`;

/** A lead converted into a company, a contact and a deal once qualified. */
const LEADS = `
  <startEvent id="in" name="Лид" />
  <userTask id="qualify" name="Квалифицировать"><extensionElements><potok:stage key="new" label="Новый" />
    <potok:outcomes><potok:outcome key="target" label="Целевой" /></potok:outcomes></extensionElements></userTask>
  ${robot('convert', 'Конвертировать', 'convert-record', { pipeline: 'deals' })}
  <endEvent id="converted" name="Сконвертирован"><extensionElements><potok:outcome status="converted" /></extensionElements></endEvent>
  ${chain(['in', 'qualify', 'convert', 'converted'])}`;

const robotEntry = (entries: TimelineEntry[], type: string) => entries.find((e) => e.kind === 'robot' && e.payload.robot === type);

/** The card's timeline as the server renders it, and the links in it. */
function rendered(entries: TimelineEntry[], cardType: string, recordId: string) {
	const href = (id: string, type?: string) => `/w/w1/records/${type || cardType}/${id}`;
	const taskHref = () => `/w/w1/tasks?view=team&record=${recordId}`;
	const { body } = render(Timeline, { props: { entries: timelineJson(entries), fields: [], ctx: { locale: 'ru', timeZone: 'Europe/Moscow', people: new Map() }, href, taskHref } });
	const text = body.replace(/<!--[^>]*-->/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
	return { text, hrefs: [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')) };
}

describe('robot timeline entries link what the robot created', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let anna: Person;
	beforeAll(async () => {
		ws = await workflowWorkspace('robot-links');
		anna = await ws.person(['employee'], 'anna');
		await ws.published('Сделки', 'deal', await bpmn('deals', DEALS));
		await ws.published('Лиды', 'lead', await bpmn('leads', LEADS));
	});
	afterAll(() => ws.db.dispose());

	it('the create-task and create-record robots keep the id, type and title of what they made, and the card links it', async () => {
		const deal = await createRecordInPipeline(ws.db, anna.scope, { type: 'deal', pipeline: 'deals', title: 'Кухня Ивановых' });
		const entries = await listTimeline(ws.db, ws.owner.scope, deal.id, { limit: 200 });
		const [task] = (await listTasks(ws.db, ws.owner.scope, { assignee: 'all', recordId: deal.id })).filter((t) => t.title === 'Позвонить клиенту');
		const [link] = await ws.db.db.select().from(crmLinks).where(eq(crmLinks.fromId, deal.id));

		expect(robotEntry(entries, 'create-task')?.payload).toMatchObject({ task: task!.id, createdItems: [{ kind: 'task', id: task!.id, title: 'Позвонить клиенту' }] });
		expect(robotEntry(entries, 'create-record')?.payload).toMatchObject({ created: link!.toId, createdItems: [{ kind: 'record', id: link!.toId, type: 'contact', title: 'Иван Петров' }] });

		const { text, hrefs } = rendered(entries, 'deal', deal.id);
		expect(hrefs).toEqual(expect.arrayContaining([`/w/w1/records/contact/${link!.toId}`, `/w/w1/tasks?view=team&record=${deal.id}`]));
		expect(text).toContain('Робот «Создать контакт» выполнен — создано: Контакт «Иван Петров»');
		expect(text).toContain('Робот «Поставить задачу» выполнен — создано: Задача «Позвонить клиенту»');
	});

	it('the convert-lead robot keeps the deal, contact and company it made, in that order, each linked to its card', async () => {
		const lead = await createRecordInPipeline(ws.db, anna.scope, { type: 'lead', title: 'Заявка Ромашки', values: { name: 'Пётр', company_title: 'ООО «Ромашка»' } });
		const [qualify] = await listTasks(ws.db, anna.scope, { recordId: lead.id });
		await completeTaskAsPerson(ws.db, anna.scope, qualify!.id, { outcome: 'target' });
		const entries = await listTimeline(ws.db, ws.owner.scope, lead.id, { limit: 200 });
		const payload = robotEntry(entries, 'convert-record')!.payload;
		const made = await Promise.all(['deal', 'contact', 'company'].map((k) => getRecord(ws.db, ws.owner.scope, String(payload[k]))));

		expect(payload.createdItems).toEqual(made.map((r) => ({ kind: 'record', id: r.id, type: r.type, title: r.title })));
		expect(made.map((r) => r.type)).toEqual(['deal', 'contact', 'company']);
		const { text, hrefs } = rendered(entries, 'lead', lead.id);
		expect(hrefs).toEqual(expect.arrayContaining(made.map((r) => `/w/w1/records/${r.type}/${r.id}`)));
		expect(text).toContain('создано: Сделка «Заявка Ромашки», Контакт «Пётр», Компания «ООО «Ромашка»»');
	});
});
