import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createField } from '$lib/server/crm/fields';
import { createRecord, createRecordTx, getRecord, setRecordStageTx, updateRecord } from '$lib/server/crm/records';
import { listRecords } from '$lib/server/crm/record-list';
import { linkRecords, listLinks, unlinkRecords } from '$lib/server/crm/links';
import { listTimeline } from '$lib/server/crm/timeline';
import { addComment } from '$lib/server/crm/comments';
import { makeWorkspace, scopeOf } from '../../../helpers/fixtures';
import { crmWorkspace, type Person } from './crm-fixtures';

describe('records', () => {
	let w: Awaited<ReturnType<typeof crmWorkspace>>;
	let manager: Person;
	let marina: Person;
	let maxim: Person;
	beforeEach(async () => {
		w = await crmWorkspace('records');
		manager = await w.person(['manager'], 'head');
		marina = await w.person(['employee'], 'marina');
		maxim = await w.person(['employee'], 'maxim');
	});
	afterEach(() => w.db.dispose());

	it('creates a lead with normalised values, its creator responsible, and a `created` timeline entry', async () => {
		const { id, mergedInto, duplicates } = await createRecord(w.db, marina.scope, {
			type: 'lead',
			values: { last_name: 'Иванов', name: 'Иван', phone: '8 (916) 123-45-67', email: ' Ivan@Mail.ru', source: 'avito', amount: 250000 }
		});
		expect(mergedInto).toBeNull();
		expect(duplicates).toEqual([]);
		const lead = await getRecord(w.db, marina.scope, id);
		expect(lead).toMatchObject({
			type: 'lead',
			title: 'Иванов Иван',
			status: 'open',
			responsibleId: marina.userId,
			amount: 250000,
			currency: 'RUB',
			values: { phone: ['+79161234567'], email: ['ivan@mail.ru'], source: 'avito' }
		});
		const timeline = await listTimeline(w.db, marina.scope, id);
		expect(timeline.map((e) => [e.kind, e.actorId, e.payload.title])).toEqual([['created', marina.userId, 'Иванов Иван']]);
	});

	it('refuses a record without a title, with unknown people, or with values of another workspace', async () => {
		await expect(createRecord(w.db, marina.scope, { type: 'deal', values: {} })).rejects.toMatchObject({
			code: 'validation',
			details: [{ field: 'title', message: 'required:Название сделки' }]
		});
		await expect(createRecord(w.db, marina.scope, { type: 'deal', title: 'x', responsibleId: 'nobody', observerIds: ['ghost'] })).rejects.toMatchObject({
			details: [
				{ field: 'responsibleId', message: 'unknown_user:Ответственный' },
				{ field: 'observerIds', message: 'unknown_user:Наблюдатели' }
			]
		});
		await createField(w.db, w.owner.scope, 'deal', { key: 'installer', label: 'Монтажник', type: 'user' });
		const other = await crmWorkspace('records-other');
		try {
			await expect(createRecord(w.db, marina.scope, { type: 'deal', title: 'x', values: { installer: other.owner.userId } })).rejects.toMatchObject({
				details: [{ field: 'values.installer', message: 'unknown_user:Монтажник' }]
			});
		} finally {
			other.db.dispose();
		}
		await expect(createRecord(w.db, marina.scope, { type: 'ship', title: 'x' })).rejects.toMatchObject({ code: 'not_found' });
	});

	it('writes one field_changed entry per changed field and nothing when nothing changed', async () => {
		const { id } = await createRecord(w.db, marina.scope, { type: 'deal', title: 'Кухня', values: { amount: 100000, source: 'web' } });
		const changed = await updateRecord(w.db, marina.scope, id, {
			title: 'Кухня угловая',
			observerIds: [manager.userId],
			values: { amount: { amount: 120000, currency: 'RUB' }, source: 'web', comments: 'Клиент просит скидку' }
		});
		expect(changed.sort()).toEqual(['amount', 'comments', 'observers', 'title']);
		expect(await updateRecord(w.db, marina.scope, id, { values: { source: 'web' } })).toEqual([]);
		const entries = (await listTimeline(w.db, marina.scope, id)).filter((e) => e.kind === 'field_changed');
		expect(entries.map((e) => [e.payload.key, e.payload.label]).sort()).toEqual([
			['amount', 'Сумма'],
			['comments', 'Комментарий'],
			['observers', 'Наблюдатели'],
			['title', 'Название сделки']
		]);
		expect(entries.find((e) => e.payload.key === 'amount')!.payload).toMatchObject({ from: { amount: 100000, currency: 'RUB' }, to: { amount: 120000, currency: 'RUB' } });
		const record = await getRecord(w.db, marina.scope, id);
		expect(record).toMatchObject({ title: 'Кухня угловая', amount: 120000, observerIds: [manager.userId] });
		await expect(updateRecord(w.db, marina.scope, id, { values: { amount: 'дорого' } })).rejects.toMatchObject({
			details: [{ field: 'values.amount', message: 'invalid_money:Сумма' }]
		});
	});

	it('a contact named by its name fields follows them', async () => {
		const { id } = await createRecord(w.db, marina.scope, { type: 'contact', values: { last_name: 'Петрова', name: 'Анна' } });
		await updateRecord(w.db, marina.scope, id, { values: { last_name: 'Сидорова' } });
		expect((await getRecord(w.db, marina.scope, id)).title).toBe('Сидорова Анна');
	});

	it('employees see and change only records they are responsible for or observe; managers see all', async () => {
		const mine = await createRecord(w.db, marina.scope, { type: 'deal', title: 'Марины' });
		const his = await createRecord(w.db, maxim.scope, { type: 'deal', title: 'Максима' });
		const watched = await createRecord(w.db, maxim.scope, { type: 'deal', title: 'Общая', observerIds: [marina.userId] });
		const titles = async (p: Person) => (await listRecords(w.db, p.scope, { type: 'deal' })).items.map((r) => r.title).sort();
		expect(await titles(marina)).toEqual(['Марины', 'Общая']);
		expect(await titles(maxim)).toEqual(['Максима', 'Общая']);
		expect(await titles(manager)).toEqual(['Максима', 'Марины', 'Общая']);
		expect(await titles(w.owner)).toEqual(['Максима', 'Марины', 'Общая']);
		await expect(getRecord(w.db, marina.scope, his.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(updateRecord(w.db, marina.scope, his.id, { title: 'Моя' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(addComment(w.db, marina.scope, his.id, 'Привет')).rejects.toMatchObject({ code: 'not_found' });
		await expect(listTimeline(w.db, marina.scope, his.id)).rejects.toMatchObject({ code: 'not_found' });
		expect((await getRecord(w.db, marina.scope, watched.id)).title).toBe('Общая');
		expect((await updateRecord(w.db, manager.scope, mine.id, { responsibleId: maxim.userId }))).toEqual(['responsible']);
		expect(await titles(marina)).toEqual(['Общая']);
	});

	it('hides records of another workspace', async () => {
		const { id } = await createRecord(w.db, w.owner.scope, { type: 'deal', title: 'Секрет' });
		const other = await makeWorkspace(w.db, 'stranger@example.com', 'Other');
		const stranger = scopeOf(other.workspaceId, other.ownerId, null, ['owner']);
		await expect(getRecord(w.db, stranger, id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(updateRecord(w.db, stranger, id, { title: 'Моё' })).rejects.toMatchObject({ code: 'not_found' });
		expect((await listRecords(w.db, stranger, { type: 'deal' })).items).toEqual([]);
		await expect(linkRecords(w.db, stranger, (await createRecord(w.db, stranger, { type: 'contact', title: 'Свой' })).id, id)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('links a deal to contacts and one company; a contact to several companies; both cards list the link', async () => {
		const company = await createRecord(w.db, marina.scope, { type: 'company', title: 'ООО «Ромашка»' });
		const other = await createRecord(w.db, marina.scope, { type: 'company', title: 'ИП Лютиков' });
		const anna = await createRecord(w.db, marina.scope, { type: 'contact', values: { name: 'Анна' }, links: [company.id, other.id] });
		const deal = await createRecord(w.db, marina.scope, { type: 'deal', title: 'Кухня', links: [anna.id, company.id] });
		expect((await listLinks(w.db, marina.scope, deal.id)).map((l) => [l.type, l.title, l.direction]).sort()).toEqual([
			['company', 'ООО «Ромашка»', 'to'],
			['contact', 'Анна', 'to']
		]);
		expect((await listLinks(w.db, marina.scope, anna.id)).map((l) => [l.type, l.direction]).sort()).toEqual([
			['company', 'to'],
			['company', 'to'],
			['deal', 'from']
		]);
		// A deal has one company: linking another replaces it. The company side may start the link too.
		await linkRecords(w.db, marina.scope, other.id, deal.id);
		expect((await listLinks(w.db, marina.scope, deal.id)).filter((l) => l.type === 'company').map((l) => l.title)).toEqual(['ИП Лютиков']);
		await expect(linkRecords(w.db, marina.scope, company.id, other.id)).rejects.toMatchObject({ details: [{ field: 'links', message: 'link_not_allowed:company → company' }] });
		expect(await unlinkRecords(w.db, marina.scope, deal.id, anna.id)).toBe(true);
		expect(await unlinkRecords(w.db, marina.scope, deal.id, anna.id)).toBe(false);
		const kinds = (await listTimeline(w.db, marina.scope, deal.id)).map((e) => e.kind);
		expect(kinds).toEqual(['unlinked', 'linked', 'unlinked', 'linked', 'linked', 'created']);
		// An employee who cannot see a linked record sees that it is there, not what it is.
		const hidden = await createRecord(w.db, maxim.scope, { type: 'contact', title: 'Скрытый' });
		await linkRecords(w.db, manager.scope, deal.id, hidden.id);
		expect((await listLinks(w.db, marina.scope, deal.id)).find((l) => l.id === hidden.id)).toMatchObject({ title: null });
	});

	it('comments appear in the timeline with their text', async () => {
		const { id } = await createRecord(w.db, marina.scope, { type: 'deal', title: 'Кухня' });
		await addComment(w.db, marina.scope, id, 'Клиент перезвонит в пятницу');
		await expect(addComment(w.db, marina.scope, id, '   ')).rejects.toThrow();
		const [entry] = await listTimeline(w.db, marina.scope, id);
		expect(entry).toMatchObject({ kind: 'comment', actorName: 'marina-records', comment: { body: 'Клиент перезвонит в пятницу', isResult: false } });
	});

	it('the runtime moves stage and status through one primitive that writes the timeline', async () => {
		const { id } = await w.db.write((tx) => createRecordTx(tx, { workspaceId: w.workspaceId, userId: null }, { type: 'deal', title: 'С сайта', pipeline: 'sale', stage: 'new' }));
		await w.db.write((tx) => setRecordStageTx(tx, { workspaceId: w.workspaceId, userId: marina.userId }, id, { stage: 'meeting' }));
		await w.db.write((tx) => setRecordStageTx(tx, { workspaceId: w.workspaceId, userId: null }, id, { stage: 'won_end', status: 'won' }));
		await w.db.write((tx) => setRecordStageTx(tx, { workspaceId: w.workspaceId, userId: null }, id, { status: 'won' }));
		const record = await getRecord(w.db, w.owner.scope, id);
		expect(record).toMatchObject({ pipeline: 'sale', stage: 'won_end', status: 'won', responsibleId: null, createdBy: null });
		const entries = await listTimeline(w.db, w.owner.scope, id);
		expect(entries.map((e) => [e.kind, e.payload.from, e.payload.to])).toEqual([
			['status_changed', 'open', 'won'],
			['stage_changed', 'meeting', 'won_end'],
			['stage_changed', 'new', 'meeting'],
			['created', undefined, undefined]
		]);
	});

	describe('list', () => {
		it('filters by pipeline, stage, status, responsible and q (title, name, e-mail prefix, phone digits)', async () => {
			const make = (p: Person, title: string, extra: object = {}) => createRecord(w.db, p.scope, { type: 'lead', title, ...extra });
			await make(marina, 'Кухня для Артёма', { pipeline: 'sale', stage: 'new', values: { phone: '+7 916 555-12-34' } });
			await make(marina, 'Шкаф', { pipeline: 'sale', stage: 'call', values: { email: 'Olga.Kozlova@Mail.ru' } });
			await make(maxim, 'Гардероб', { pipeline: 'sale', stage: 'new', values: { last_name: 'Ёлкин' } });
			await make(maxim, 'Прихожая', { pipeline: 'b2b', stage: 'new' });
			const titles = async (q: object) => (await listRecords(w.db, manager.scope, { type: 'lead', ...q })).items.map((r) => r.title).sort();
			expect(await titles({ pipeline: 'sale' })).toEqual(['Гардероб', 'Кухня для Артёма', 'Шкаф']);
			expect(await titles({ pipeline: 'sale', stage: 'new' })).toEqual(['Гардероб', 'Кухня для Артёма']);
			expect(await titles({ responsibleId: maxim.userId })).toEqual(['Гардероб', 'Прихожая']);
			expect(await titles({ status: 'won' })).toEqual([]);
			expect(await titles({ q: 'артем' })).toEqual(['Кухня для Артёма']);
			expect(await titles({ q: 'ЕЛКИН' })).toEqual(['Гардероб']);
			expect(await titles({ q: 'olga.koz' })).toEqual(['Шкаф']);
			expect(await titles({ q: '555-12' })).toEqual(['Кухня для Артёма']);
			expect(await titles({ q: '8 916 555 12 34' })).toEqual(['Кухня для Артёма']);
			expect(await titles({ q: '100%' })).toEqual([]);
		});

		it('pages by keyset: newest change first, every record exactly once', async () => {
			const ids: string[] = [];
			for (let i = 0; i < 25; i++) ids.push((await createRecord(w.db, marina.scope, { type: 'deal', title: `Сделка ${i}` })).id);
			await updateRecord(w.db, marina.scope, ids[3]!, { title: 'Обновлённая' });
			const seen: string[] = [];
			let cursor: string | undefined;
			let pages = 0;
			do {
				const page = await listRecords(w.db, marina.scope, { type: 'deal', limit: 10, cursor });
				seen.push(...page.items.map((r) => r.id));
				cursor = page.nextCursor ?? undefined;
				pages++;
			} while (cursor);
			expect(pages).toBe(3);
			expect(seen[0]).toBe(ids[3]);
			expect(new Set(seen).size).toBe(25);
			await expect(listRecords(w.db, marina.scope, { type: 'deal', cursor: 'garbage' })).rejects.toMatchObject({ details: [{ field: 'cursor', message: 'invalid' }] });
		});
	});
});
