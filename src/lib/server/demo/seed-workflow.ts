import { and, eq } from 'drizzle-orm';
import salesFunnel from '../../../../processes/sales-funnel.bpmn?raw';
import leadQualification from '../../../../processes/lead-qualification.bpmn?raw';
import type { Database } from '../db';
import { memberships, users } from '../db/schema';
import type { Role } from '../access/roles';
import type { WorkspaceScope } from '../access/scope';
import { createRecord } from '../crm/records';
import { createProcess } from '../processes/processes';
import { saveRevision } from '../processes/revisions';
import { moveRecord, type MoveInput } from '../workflow/moves';
import { publishProcess } from '../workflow/publish';
import { approveRevision } from '../review/decisions';
import { submitForReview } from '../review/submissions';
import { createRecordInPipeline } from '../workflow/record-start';
import { completeTaskAsPerson, listTasks } from '../workflow/work-tasks';
import { setWorkflowClock } from '../workflow/workflow-tx';
import { VirtualClock, realClock } from '$lib/engine';

/**
 * The demo company's working CRM: the two templates, approved by the client
 * and published — the sales
 * funnel twice, as the «Продажи B2B» and «Продажи B2C» deal pipelines, and
 * lead qualification — and a few dozen leads and deals spread over the
 * stages, every one made and moved through the same paths people use
 * (create in a pipeline, move with the stage's fields, complete tasks).
 */

const DAY = 24 * 3600_000;

async function scopeOf(database: Database, workspaceId: string, email: string): Promise<WorkspaceScope> {
	const [row] = await database.db
		.select({ userId: users.id, membershipId: memberships.id, roles: memberships.roles })
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, workspaceId)))
		.where(eq(users.email, email));
	if (!row) throw new Error(`Expected the demo person ${email}, but there is none`);
	return { workspaceId, workspaceName: '', userId: row.userId, membershipId: row.membershipId, roles: row.roles as Role[], via: 'session' };
}

/** Where the demo deals came from, in turn. */
const SOURCES = ['web', 'call', 'recommendation', 'avito', 'web', 'telegram'];

/** The sales funnel under another process id: its pipeline key. */
const funnelAs = (key: string) => salesFunnel.replace(/\bsales_funnel\b/g, key);

export async function seedDemoWorkflow(database: Database, workspaceId: string, now = new Date()): Promise<void> {
	const analyst = await scopeOf(database, workspaceId, 'analyst@demo.potok');
	const client = await scopeOf(database, workspaceId, 'client@demo.potok');
	const head = await scopeOf(database, workspaceId, 'head@demo.potok');
	const marina = await scopeOf(database, workspaceId, 'manager1@demo.potok');
	const maxim = await scopeOf(database, workspaceId, 'manager2@demo.potok');

	for (const [name, entityType, xml] of [
		['Продажи B2B', 'deal', funnelAs('sales_b2b')],
		['Продажи B2C', 'deal', funnelAs('sales_b2c')],
		['Квалификация лидов', 'lead', leadQualification]
	] as const) {
		const id = await createProcess(database, analyst, { name, description: '', entityType });
		const { number } = await saveRevision(database, analyst, id, 'to_be', xml, { message: 'Шаблон Potok' });
		// the client approves the TO BE, then the analyst publishes exactly what was approved
		await submitForReview(database, analyst, id, number, { message: 'Воронка по шаблону Potok', withAsIs: false });
		await approveRevision(database, client, id, number, { signature: 'Кирилл Заказчиков', consent: true }, { ip: '127.0.0.1', userAgent: 'Potok demo' });
		await publishProcess(database, analyst, id);
	}

	const move = (scope: WorkspaceScope, id: string, input: MoveInput) => moveRecord(database, scope, id, input);
	const day = (at: number) => new Date(at).toISOString();

	// Deals along the B2B and B2C funnels: how far each one got, and how many days each step took
	// (Максим is slower than Марина, and the proposal waits longest — what the reports should show).
	const path: { stage: string; days: number; input: (at: number) => MoveInput }[] = [
		{ stage: 'in_work', days: 0.2, input: () => ({ stage: 'in_work' }) },
		{ stage: 'meeting_set', days: 1, input: (at) => ({ stage: 'meeting_set', fields: { meeting_at: day(at + 2 * DAY) } }) },
		{ stage: 'meeting_held', days: 2, input: () => ({ stage: 'meeting_held', result: 'Обсудили проект, замеры сделаны' }) },
		{ stage: 'proposal_sent', days: 1.5, input: () => ({ stage: 'proposal_sent', fields: { amount: { amount: 280_000, currency: 'RUB' } } }) },
		{ stage: 'proposal_approval', days: 4, input: () => ({ stage: 'proposal_approval' }) },
		{ stage: 'contract', days: 2, input: () => ({ stage: 'contract' }) },
		{ stage: 'invoice', days: 1.5, input: () => ({ stage: 'invoice', fields: { contract_number: 'Д-2026/014' } }) },
		{ stage: 'won', days: 3, input: (at) => ({ stage: 'won', fields: { paid_at: day(at).slice(0, 10) } }) }
	];
	const deals: { title: string; pipeline: string; owner: WorkspaceScope; steps: number; lost?: string; noAnswer?: boolean }[] = [
		{ title: 'Кухня «Модерн» для семьи Ивановых', pipeline: 'sales_b2c', owner: marina, steps: 0 },
		{ title: 'Угловая кухня, ЖК «Северный»', pipeline: 'sales_b2c', owner: maxim, steps: 0 },
		{ title: 'Кухня-гостиная, Петровы', pipeline: 'sales_b2c', owner: marina, steps: 1 },
		{ title: 'Кухня в загородный дом', pipeline: 'sales_b2c', owner: maxim, steps: 1, noAnswer: true },
		{ title: 'Кухня на дачу, Смирновы', pipeline: 'sales_b2c', owner: marina, steps: 1, noAnswer: true },
		{ title: 'Кухня из массива, Кузнецовы', pipeline: 'sales_b2c', owner: maxim, steps: 2 },
		{ title: 'Островная кухня, Соколовы', pipeline: 'sales_b2c', owner: marina, steps: 3 },
		{ title: 'Кухня «Классика», Попова', pipeline: 'sales_b2c', owner: maxim, steps: 4 },
		{ title: 'Кухня для студии, Лебедев', pipeline: 'sales_b2c', owner: marina, steps: 8 },
		{ title: 'Кухня в новостройку, Козловы', pipeline: 'sales_b2c', owner: maxim, steps: 2, lost: 'Дорого' },
		{ title: 'Кухни для офиса ООО «Вектор»', pipeline: 'sales_b2b', owner: maxim, steps: 0 },
		{ title: 'Столовая для кафе «Блин-Клуб»', pipeline: 'sales_b2b', owner: marina, steps: 1 },
		{ title: 'Кухни в шоурум застройщика «Дом-Строй»', pipeline: 'sales_b2b', owner: maxim, steps: 2 },
		{ title: 'Кухня для коворкинга «Точка»', pipeline: 'sales_b2b', owner: marina, steps: 4 },
		{ title: 'Пять кухонь для гостиницы «Волга»', pipeline: 'sales_b2b', owner: maxim, steps: 5 },
		{ title: 'Кухни для сети пекарен «Колос»', pipeline: 'sales_b2b', owner: marina, steps: 6 },
		{ title: 'Кухня для детского сада №12', pipeline: 'sales_b2b', owner: maxim, steps: 7 },
		{ title: 'Кухня для ресторана «Терраса»', pipeline: 'sales_b2b', owner: marina, steps: 8 },
		{ title: 'Кухни для хостела «Рюкзак»', pipeline: 'sales_b2b', owner: maxim, steps: 1, lost: 'Выбрали конкурента' }
	];

	// The history is played on a virtual clock over the last eight weeks, in time order, through the
	// same create / move / complete paths people use; the scheduler starts after the seed.
	const events: { at: number; run: () => Promise<void> }[] = [];
	const start = now.getTime() - 56 * DAY;
	const ordered = [...deals].sort((a, b) => b.steps - a.steps);
	ordered.forEach((deal, i) => {
		let at = start + i * 2.5 * DAY + (i % 4) * 3 * 3600_000;
		const pace = deal.owner === maxim ? 1.8 : 1;
		const ids: { id?: string } = {};
		const push = (run: (at: number) => Promise<unknown>) => {
			const when = at;
			events.push({ at: when, run: async () => void (await run(when)) });
		};
		push(async () => (ids.id = (await createRecordInPipeline(database, deal.owner, { type: 'deal', pipeline: deal.pipeline, title: deal.title, values: { source: SOURCES[i % SOURCES.length] } })).id));
		const steps = path.slice(0, Math.max(deal.steps, deal.lost ? 1 : 0));
		steps.forEach((step, n) => {
			at += step.days * pace * DAY;
			push((when) => move(deal.owner, ids.id!, step.input(when)));
			if (n === 0 && deal.noAnswer) {
				at += 0.5 * pace * DAY;
				push(() => move(deal.owner, ids.id!, { stage: 'no_answer' }));
			}
		});
		if (deal.lost) {
			at += 2 * pace * DAY;
			push(() => move(head, ids.id!, { stage: 'lost', fields: { loss_reason: deal.lost }, result: 'Клиент отказался' }));
		}
	});

	// Leads as integrations send them (no responsible: distribution picks one), some qualified already.
	const company = await createRecord(database, head, { type: 'company', title: 'ООО «Ромашка»', values: { phone: ['+7 495 100-20-30'] } });
	const leads: { title: string; values: Record<string, unknown>; outcome?: string; fields?: Record<string, unknown> }[] = [
		{ title: 'Заявка с сайта: кухня 3 метра', values: { name: 'Ольга', phone: ['+7 916 111-22-33'], source: 'web' } },
		{ title: 'Звонок: кухня в новостройку', values: { name: 'Игорь', last_name: 'Орлов', phone: ['+7 903 222-33-44'], source: 'call' } },
		{ title: 'Telegram: нужна кухня-остров', values: { name: 'Дарья', messenger: ['@dasha_k'], source: 'telegram' } },
		{ title: 'Авито: кухня б/у?', values: { name: 'Сергей', phone: ['+7 925 333-44-55'], source: 'avito' } },
		{ title: 'Заявка: кухни для офиса', values: { name: 'Павел', last_name: 'Зимин', company_title: 'ООО «Гранд»', phone: ['+7 495 555-66-77'], source: 'webform' }, outcome: 'target_b2b' },
		{ title: 'Заявка: кухня для столовой', values: { name: 'Вера', company_title: 'ИП Мельникова', email: ['vera@melnikova.ru'], source: 'email' }, outcome: 'target_b2b' },
		{ title: 'Звонок: кухня для квартиры', values: { name: 'Антон', last_name: 'Белов', phone: ['+7 926 777-88-99'], source: 'call' }, outcome: 'target_b2c' },
		{ title: 'Бухгалтер «Ромашки»: закрывающие документы', values: { name: 'Нина', last_name: 'Счётова', phone: ['+7 495 100-20-31'], source: 'call' }, outcome: 'accountant', fields: { existing_company: company.id } },
		{ title: 'Рассылка: продвижение сайтов', values: { email: ['promo@spam.example'], source: 'email' }, outcome: 'spam' },
		{ title: 'Реклама: бухгалтерские услуги', values: { email: ['offer@ads.example'], source: 'email' }, outcome: 'spam' }
	];
	leads.forEach((lead, i) => {
		const created = now.getTime() - (14 - i) * DAY;
		const ids: { id?: string } = {};
		events.push({ at: created, run: async () => void (ids.id = (await createRecordInPipeline(database, head, { type: 'lead', title: lead.title, values: lead.values, responsibleId: null })).id) });
		if (!lead.outcome) return;
		events.push({
			at: created + (2 + i) * 3600_000,
			run: async () => {
				const [task] = await listTasks(database, head, { assignee: 'all', recordId: ids.id! });
				if (task) await completeTaskAsPerson(database, head, task.id, { outcome: lead.outcome, fields: lead.fields });
			}
		});
	});

	const clock = new VirtualClock(start - DAY);
	setWorkflowClock(clock);
	try {
		for (const event of events.sort((a, b) => a.at - b.at)) {
			// Nothing is played later than a minute ago, so the scheduler starts from a consistent past.
			clock.set(Math.max(clock.now(), Math.min(event.at, now.getTime() - 60_000)));
			await event.run();
		}
	} finally {
		setWorkflowClock(realClock);
	}
}
