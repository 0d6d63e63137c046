import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { crmEntityTypes, crmLinks, crmRecords, users } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/demo/seed';
import { listPipelines } from '$lib/server/workflow/pipelines';
import { listTasks } from '$lib/server/workflow/work-tasks';
import { funnelReport } from '$lib/server/reports/funnel';
import { stageTimesReport } from '$lib/server/reports/stage-times';
import { pipelineReportQuery } from '$lib/server/reports/report-context';
import { scopeOf } from '../../helpers/fixtures';
import { tempDatabase } from '../../helpers/temp-db';

describe('the demo company works on the published templates', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	let workspaceId: string;
	beforeAll(async () => {
		db = await tempDatabase('demo-seed');
		workspaceId = (await seedDemo(db, 'demo-password'))!.workspaceId;
	}, 120_000);
	afterAll(() => db.dispose());

	const records = async (type: string) =>
		db.db
			.select({ id: crmRecords.id, title: crmRecords.title, pipeline: crmRecords.pipeline, stage: crmRecords.stage, status: crmRecords.status, responsibleId: crmRecords.responsibleId })
			.from(crmRecords)
			.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
			.where(and(eq(crmRecords.workspaceId, workspaceId), eq(crmEntityTypes.key, type)));

	it('publishes the sales funnel as the B2B and B2C deal pipelines and lead qualification', async () => {
		const [owner] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, 'owner@demo.potok'));
		const pipelines = await listPipelines(db, scopeOf(workspaceId, owner!.id, null, ['owner']));
		expect(pipelines.map((p) => `${p.entityType}:${p.key}`).sort()).toEqual(['deal:sales_b2b', 'deal:sales_b2c', 'lead:lead_qualification']);
		const b2b = pipelines.find((p) => p.key === 'sales_b2b')!;
		expect(b2b.stages.map((s) => s.label)).toEqual([
			'Новая заявка', 'Взят в работу', 'Недозвон', 'Встреча назначена', 'Встреча проведена', 'КП отправлено', 'Согласовать КП', 'Подписать договор', 'Счёт выставлен / Получить оплату'
		]);
		expect(b2b.lossReasons).toContain('Дорого');
	});

	it('spreads a few dozen deals over the stages, won and lost ones included', async () => {
		const deals = await records('deal');
		expect(deals.length).toBeGreaterThanOrEqual(20);
		const stages = new Set(deals.filter((d) => d.status === 'open').map((d) => d.stage));
		for (const stage of ['new', 'in_work', 'no_answer', 'meeting_set', 'meeting_held', 'proposal_sent', 'proposal_approval', 'contract', 'invoice']) expect(stages, stage).toContain(stage);
		expect(deals.filter((d) => d.status === 'won').length).toBeGreaterThanOrEqual(2);
		expect(deals.filter((d) => d.status === 'lost').length).toBeGreaterThanOrEqual(2);
	});

	it('distributes incoming leads round-robin, converts the targets into linked deals and closes the spam', async () => {
		const leads = await records('lead');
		const sales = (await db.db.select({ id: users.id, email: users.email }).from(users)).filter((u) => /^manager\d@/.test(u.email)).map((u) => u.id);
		const open = leads.filter((l) => l.status === 'open');
		expect(open.every((l) => l.stage === 'new' && sales.includes(l.responsibleId!))).toBe(true);
		expect(new Set(leads.map((l) => l.responsibleId))).toEqual(new Set(sales));
		expect(leads.filter((l) => l.status === 'converted')).toHaveLength(4);
		expect(leads.filter((l) => l.status === 'spam')).toHaveLength(2);
		const deal = (await records('deal')).find((d) => d.title === 'Заявка: кухни для офиса')!;
		expect(deal).toMatchObject({ pipeline: 'sales_b2b', stage: 'new', status: 'open' });
		const linked = await db.db
			.select({ type: crmEntityTypes.key })
			.from(crmLinks)
			.innerJoin(crmRecords, eq(crmRecords.id, crmLinks.toId))
			.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
			.where(eq(crmLinks.fromId, deal.id));
		expect(linked.map((l) => l.type).sort()).toEqual(['company', 'contact']);
	});

	it('gives the sales team their stage tasks', async () => {
		const [marina] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, 'manager1@demo.potok'));
		const tasks = await listTasks(db, scopeOf(workspaceId, marina!.id, null, ['employee']));
		expect(tasks.length).toBeGreaterThan(3);
		expect(tasks.every((t) => t.responsibleId === marina!.id && t.status === 'open')).toBe(true);
	});

	it('has eight weeks of history for the reports: where deals drop out and who is slow', async () => {
		const [head] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, 'head@demo.potok'));
		const scope = scopeOf(workspaceId, head!.id, null, ['manager']);
		const today = new Date().toISOString().slice(0, 10);
		const params = new URLSearchParams({ pipeline: 'sales_b2c', from: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10), to: today });
		const query = await pipelineReportQuery(db, scope, params);
		const funnel = await funnelReport(db, workspaceId, query);
		// ten deals made in the pipeline and one converted from a lead
		expect(funnel.records).toBe(11);
		expect(funnel.stages[0]).toMatchObject({ key: 'new', entered: 11 });
		expect(funnel.outcomes).toMatchObject({ won: 1, lost: 1 });
		expect(funnel.stages.find((s) => s.lossReasons.length > 0)?.lossReasons[0]?.label).toBe('Дорого');
		// The last two weeks hold only part of the deals: the period matters
		const recent = await funnelReport(db, workspaceId, await pipelineReportQuery(db, scope, new URLSearchParams({ pipeline: 'sales_b2c', from: new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10), to: today })));
		expect(recent.records).toBeLessThan(funnel.records);
		const times = await stageTimesReport(db, workspaceId, query);
		const inWork = times.stages.find((s) => s.key === 'in_work')!;
		expect(inWork.count).toBeGreaterThan(3);
		expect(inWork.medianMs).toBeGreaterThan(3600_000);
		const byPerson = times.byResponsible.filter((r) => r.stage === 'in_work');
		const [maxim] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, 'manager2@demo.potok'));
		const slowest = byPerson.sort((a, b) => b.medianMs! - a.medianMs!)[0];
		expect(slowest?.responsibleId).toBe(maxim!.id);
	});
});
