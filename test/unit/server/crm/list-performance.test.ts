import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEntityType } from '$lib/server/crm/entity-types';
import { listRecords, recordListQuery, type RecordListQuery } from '$lib/server/crm/record-list';
import type { WorkspaceScope } from '$lib/server/access/scope';
import { crmWorkspace, type Person } from './crm-fixtures';

const RECORDS = 100_000;
const PIPELINES = ['sale', 'install', 'service'];
const STAGES = ['new', 'taken', 'no_answer', 'meeting_set', 'meeting_done', 'offer_sent', 'contract', 'invoice'];

/**
 * Given 100,000 deals, when a page of the list is asked with filters, then it
 * comes from an index in list order (no sort of the whole set) and fast.
 * The records are written with plain SQL: the point is reading them.
 */
describe('records list at 100,000 records', () => {
	let w: Awaited<ReturnType<typeof crmWorkspace>>;
	let people: Person[];
	let manager: Person;
	const timings: Record<string, number> = {};

	beforeAll(async () => {
		w = await crmWorkspace('perf100k');
		manager = await w.person(['manager'], 'head');
		people = [];
		for (let i = 0; i < 8; i++) people.push(await w.person(['employee'], `seller${i}`));
		const type = await requireEntityType(w.db.db, w.workspaceId, 'deal');
		const start = Date.UTC(2030, 0, 1);
		const t0 = performance.now();
		await w.db.writeRaw(async (tx) => {
			const batch = 500;
			for (let from = 0; from < RECORDS; from += batch) {
				const rows: string[] = [];
				const args: (string | number | null)[] = [];
				const phones: string[] = [];
				const phoneArgs: string[] = [];
				for (let i = from; i < from + batch; i++) {
					const id = `r${String(i).padStart(7, '0')}`;
					const phone = `+7916${String(i).padStart(7, '0')}`;
					const at = start + i * 60_000 + ((i * 7919) % 3_600_000);
					rows.push('(?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
					args.push(id, w.workspaceId, type.id, PIPELINES[i % 3]!, STAGES[(i >> 2) % 8]!, `Сделка №${i} Кухня`, people[i % 8]!.userId, JSON.stringify({ phone: [phone], amount: { amount: i, currency: 'RUB' } }), i, 'RUB', `сделка №${i} кухня`, at, at, i % 50 === 0 ? 'won' : 'open');
					phones.push('(?,?,?,?)');
					phoneArgs.push(id, w.workspaceId, type.id, phone);
				}
				await tx.execute({
					sql: `insert into crm_records (id, workspace_id, entity_type_id, pipeline, stage, title, responsible_id, field_values, amount, currency, search_text, created_at, updated_at, status) values ${rows.join(',')}`,
					args
				});
				await tx.execute({ sql: `insert into crm_record_phones (record_id, workspace_id, entity_type_id, phone) values ${phones.join(',')}`, args: phoneArgs });
			}
		});
		await w.db.client.execute('analyze');
		timings.seed = performance.now() - t0;
	}, 300_000);

	afterAll(() => {
		console.log(`100k list timings (ms): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
		w?.db.dispose();
	});

	async function measure(name: string, scope: WorkspaceScope, query: RecordListQuery): Promise<Awaited<ReturnType<typeof listRecords>>> {
		let page = await listRecords(w.db, scope, query);
		const runs: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t = performance.now();
			page = await listRecords(w.db, scope, query);
			runs.push(performance.now() - t);
		}
		timings[name] = runs.sort((a, b) => a - b)[2]!;
		return page;
	}

	async function plan(scope: WorkspaceScope, query: RecordListQuery): Promise<string> {
		const { statement } = await recordListQuery(w.db, scope, query);
		const { sql, params } = statement.toSQL();
		const rows = await w.db.client.execute({ sql: `explain query plan ${sql}`, args: params as never[] });
		return rows.rows.map((r) => String(r.detail)).join('\n');
	}

	it('pages through a pipeline stage from an index in list order, under 100 ms a page', async () => {
		const query = { type: 'deal', pipeline: 'install', stage: 'meeting_set', limit: 50 };
		const first = await measure('pipeline+stage', manager.scope, query);
		expect(first.items).toHaveLength(50);
		expect(first.items.every((r) => r.pipeline === 'install' && r.stage === 'meeting_set')).toBe(true);
		const second = await measure('pipeline+stage, page 2', manager.scope, { ...query, cursor: first.nextCursor! });
		expect(second.items[0]!.updatedAt.getTime()).toBeLessThanOrEqual(first.items[49]!.updatedAt.getTime());
		const text = await plan(manager.scope, query);
		expect(text).toContain('crm_records_pipeline_idx');
		expect(text).not.toContain('TEMP B-TREE');
		expect(timings['pipeline+stage']).toBeLessThan(100);
		expect(timings['pipeline+stage, page 2']).toBeLessThan(100);
	});

	it('the whole type, a deep page, a responsible and an employee’s own records are as fast', async () => {
		const all = await measure('type only', manager.scope, { type: 'deal' });
		expect(all.items).toHaveLength(50);
		// A cursor half-way down: keyset pagination does not count the rows before it.
		const [mid] = (await w.db.client.execute('select updated_at, id from crm_records order by updated_at desc, id desc limit 1 offset 50000')).rows;
		const deep = await measure('deep page (50,000th)', manager.scope, { type: 'deal', cursor: `${mid!.updated_at}.${mid!.id}` });
		expect(deep.items).toHaveLength(50);
		expect(deep.items[0]!.updatedAt.getTime()).toBeLessThanOrEqual(Number(mid!.updated_at));
		await measure('responsible', manager.scope, { type: 'deal', responsibleId: people[3]!.userId });
		const own = await measure('employee scope', people[5]!.scope, { type: 'deal', pipeline: 'sale' });
		expect(own.items.every((r) => r.responsibleId === people[5]!.userId)).toBe(true);
		expect(own.items).toHaveLength(50);
		for (const q of [{ type: 'deal' }, { type: 'deal', cursor: `${mid!.updated_at}.${mid!.id}` }, { type: 'deal', responsibleId: people[3]!.userId }]) {
			expect(await plan(manager.scope, q)).not.toContain('TEMP B-TREE');
		}
		for (const name of ['type only', 'deep page (50,000th)', 'responsible', 'employee scope']) expect(timings[name], name).toBeLessThan(100);
	});

	it('searches by phone, phone digits and title; a search that matches nothing scans the index within a second', async () => {
		const byPhone = await measure('q whole phone', manager.scope, { type: 'deal', q: '8 916 004-21-37' });
		expect(byPhone.items.map((r) => r.title)).toEqual(['Сделка №42137 Кухня']);
		const byDigits = await measure('q phone digits', manager.scope, { type: 'deal', q: '99-98-7' });
		expect(byDigits.items.map((r) => r.title)).toEqual(['Сделка №99987 Кухня']);
		const byTitle = await measure('q title', manager.scope, { type: 'deal', q: 'кухня' });
		expect(byTitle.items).toHaveLength(50);
		const none = await measure('q no match', manager.scope, { type: 'deal', q: 'гардероб' });
		expect(none.items).toEqual([]);
		// The search text is in the index: rows it rejects are never read.
		const text = await plan(manager.scope, { type: 'deal', q: 'гардероб' });
		expect(text).toContain('USING INDEX crm_records_updated_idx');
		expect(text).not.toContain('TEMP B-TREE');
		expect(timings['q title']).toBeLessThan(100);
		for (const name of ['q whole phone', 'q phone digits', 'q no match']) expect(timings[name], name).toBeLessThan(1000);
	});
});
