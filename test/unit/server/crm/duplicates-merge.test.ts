import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createRecord, getRecord, updateRecord } from '$lib/server/crm/records';
import { findRecordDuplicates, listDuplicateGroups } from '$lib/server/crm/duplicates';
import { mergeRecords } from '$lib/server/crm/merge';
import { listRecords } from '$lib/server/crm/record-list';
import { listLinks } from '$lib/server/crm/links';
import { listTimeline } from '$lib/server/crm/timeline';
import { addComment } from '$lib/server/crm/comments';
import { createTask, listRecordTasks } from '$lib/server/crm/tasks';
import { updateCrmSettings, getCrmSettings } from '$lib/server/crm/settings';
import { crmRecordPhones } from '$lib/server/db/schema';
import { crmWorkspace, type Person } from './crm-fixtures';

describe('duplicate control', () => {
	let w: Awaited<ReturnType<typeof crmWorkspace>>;
	let marina: Person;
	let maxim: Person;
	beforeEach(async () => {
		w = await crmWorkspace('dups');
		marina = await w.person(['employee'], 'marina');
		maxim = await w.person(['employee'], 'maxim');
	});
	afterEach(() => w.db.dispose());

	const contact = (p: Person, values: Record<string, unknown>, extra: object = {}) => createRecord(w.db, p.scope, { type: 'contact', values, ...extra });

	it('finds candidates by normalised phone, e-mail and name, per type, strongest first', async () => {
		const byPhone = await contact(marina, { name: 'Анна', phone: '+7 916 123-45-67' });
		const byEmail = await contact(marina, { name: 'Ольга', email: 'Olga@Example.ru' });
		const byName = await contact(marina, { last_name: 'Петров', name: 'Пётр' });
		await createRecord(w.db, marina.scope, { type: 'lead', title: 'Лид с тем же телефоном', values: { phone: '89161234567' } });

		const fresh = await contact(marina, { last_name: 'Петров', name: 'Петр', phone: '8 (916) 123 45 67', email: 'olga@example.ru ' });
		expect(fresh.duplicates.map((d) => [d.id, d.matchedBy])).toEqual([
			[byPhone.id, ['phone']],
			[byEmail.id, ['email']],
			[byName.id, ['name']]
		]);
		expect(fresh.duplicates.every((d) => d.visible && d.title)).toBe(true);
		expect((await findRecordDuplicates(w.db, marina.scope, byName.id)).map((d) => d.id)).toEqual([fresh.id]);
	});

	it('a name match between people of different companies is not a duplicate; the same company or none is', async () => {
		const romashka = await createRecord(w.db, marina.scope, { type: 'company', title: 'ООО «Ромашка»' });
		const lyutik = await createRecord(w.db, marina.scope, { type: 'company', title: 'Лютик' });
		const a = await contact(marina, { last_name: 'Смирнов', name: 'Олег' }, { links: [romashka.id] });
		const b = await contact(marina, { name: 'Олег', last_name: 'Смирнов' }, { links: [lyutik.id] });
		expect(b.duplicates).toEqual([]);
		const c = await contact(marina, { last_name: 'Смирнов', name: 'Олег' }, { links: [romashka.id] });
		expect(c.duplicates.map((d) => d.id)).toEqual([a.id]);
		const d = await contact(marina, { last_name: 'Смирнов', name: 'Олег' });
		expect(d.duplicates.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
		const lead1 = await createRecord(w.db, marina.scope, { type: 'lead', values: { name: 'Олег', company_title: 'ООО Ромашка' } });
		const lead2 = await createRecord(w.db, marina.scope, { type: 'lead', values: { name: 'Олег', company_title: 'Ромашка' } });
		const lead3 = await createRecord(w.db, marina.scope, { type: 'lead', values: { name: 'Олег', company_title: 'Лютик' } });
		expect(lead2.duplicates.map((x) => x.id)).toEqual([lead1.id]);
		expect(lead3.duplicates).toEqual([]);
		// Companies match by name without their legal form.
		const again = await createRecord(w.db, marina.scope, { type: 'company', title: 'Ромашка, ООО' });
		expect(again.duplicates.map((x) => x.id)).toEqual([romashka.id]);
	});

	it('warns about a duplicate the person cannot see without showing it', async () => {
		await contact(maxim, { name: 'Вера', phone: '+79990001122' });
		const mine = await contact(marina, { name: 'Вера Н.', phone: '8 999 000 11 22' });
		expect(mine.duplicates).toEqual([expect.objectContaining({ title: null, visible: false, matchedBy: ['phone'] })]);
	});

	it('lists duplicate groups per type, one group per set of records', async () => {
		const a = await contact(marina, { name: 'Анна', phone: '+79161234567', email: 'anna@example.ru' });
		const b = await contact(marina, { name: 'Анна Б', phone: '89161234567', email: 'ANNA@example.ru' });
		const c = await contact(marina, { last_name: 'Кузнецов', name: 'Игорь' });
		const d = await contact(maxim, { name: 'Игорь', last_name: 'Кузнецов' });
		await contact(marina, { name: 'Одинокий' });
		const groups = await listDuplicateGroups(w.db, w.owner.scope, 'contact');
		expect(groups.map((g) => [g.matchedBy, g.records.map((r) => r.id)])).toEqual([
			[['phone', 'email'], [a.id, b.id]],
			[['name'], [c.id, d.id]]
		]);
		expect(groups[0]!.values).toEqual({ phone: '+79161234567', email: 'anna@example.ru' });
		// Marina sees only her own records: the name pair is half hers, so it is not her group.
		expect((await listDuplicateGroups(w.db, marina.scope, 'contact')).map((g) => g.records.length)).toEqual([2]);
		expect(await listDuplicateGroups(w.db, w.owner.scope, 'company')).toEqual([]);
	});

	it('merges field by field, unites phones, moves links, tasks, comments and history, and redirects the merged record', async () => {
		const company = await createRecord(w.db, marina.scope, { type: 'company', title: 'Ромашка' });
		const other = await createRecord(w.db, marina.scope, { type: 'company', title: 'Лютик' });
		const survivor = await contact(marina, { last_name: 'Иванов', name: 'Иван', phone: '+79161234567', post: 'Директор' }, { links: [company.id] });
		const dup = await contact(maxim, { last_name: 'Иванов', name: 'Ваня', phone: ['+79161234567', '+79031112233'], email: 'ivan@example.ru', post: 'Главный' }, { links: [other.id] });
		const deal = await createRecord(w.db, maxim.scope, { type: 'deal', title: 'Кухня Иванова', links: [dup.id] });
		await updateRecord(w.db, maxim.scope, dup.id, { values: { comments: 'Любит звонки вечером' } });
		await addComment(w.db, maxim.scope, dup.id, 'Звонил, просил КП');
		const task = await createTask(w.db, maxim.scope, { title: 'Отправить КП', recordIds: [dup.id] });
		const ownTask = await createTask(w.db, marina.scope, { title: 'Перезвонить', recordIds: [survivor.id] });
		const dupHistory = (await listTimeline(w.db, w.owner.scope, dup.id)).length;
		const survivorHistory = (await listTimeline(w.db, w.owner.scope, survivor.id)).length;

		const { changed } = await mergeRecords(w.db, w.owner.scope, survivor.id, { from: [dup.id], values: { name: dup.id } });
		expect(changed.sort()).toEqual(['comments', 'email', 'name', 'phone', 'title']);

		const merged = await getRecord(w.db, w.owner.scope, survivor.id);
		expect(merged).toMatchObject({
			title: 'Иванов Ваня',
			responsibleId: marina.userId,
			observerIds: [maxim.userId],
			values: { name: 'Ваня', post: 'Директор', phone: ['+79161234567', '+79031112233'], email: ['ivan@example.ru'], comments: 'Любит звонки вечером' }
		});
		expect((await getRecord(w.db, w.owner.scope, dup.id)).mergedInto).toBe(survivor.id);
		expect((await listLinks(w.db, w.owner.scope, survivor.id)).map((l) => [l.type, l.id]).sort()).toEqual(
			[['company', company.id], ['company', other.id], ['deal', deal.id]].sort()
		);
		expect((await listLinks(w.db, w.owner.scope, dup.id))).toEqual([]);
		expect((await listRecordTasks(w.db, w.owner.scope, survivor.id)).map((t) => t.id).sort()).toEqual([task, ownTask].sort());
		const timeline = await listTimeline(w.db, w.owner.scope, survivor.id, { limit: 200 });
		expect(timeline.length).toBe(survivorHistory + dupHistory + 1);
		expect(timeline[0]).toMatchObject({ kind: 'merged', payload: { reason: 'manual', from: [{ id: dup.id }] } });
		expect(timeline.find((e) => e.kind === 'comment')).toMatchObject({ originRecordId: dup.id, comment: { body: 'Звонил, просил КП' } });
		expect(timeline.filter((e) => e.originRecordId === dup.id).length).toBe(dupHistory);
		expect((await listTimeline(w.db, w.owner.scope, dup.id)).map((e) => [e.kind, (e.payload.into as { id: string }).id])).toEqual([['merged', survivor.id]]);

		// Gone from lists, search and duplicate control; changes to it are refused.
		expect((await listRecords(w.db, w.owner.scope, { type: 'contact' })).items.map((r) => r.id).sort()).toEqual([survivor.id]);
		expect(await w.db.db.select().from(crmRecordPhones).where(eq(crmRecordPhones.recordId, dup.id))).toEqual([]);
		expect(await findRecordDuplicates(w.db, w.owner.scope, survivor.id)).toEqual([]);
		await expect(updateRecord(w.db, w.owner.scope, dup.id, { title: 'x' })).rejects.toMatchObject({ code: 'record_merged', params: { into: survivor.id } });
		await expect(mergeRecords(w.db, w.owner.scope, survivor.id, { from: [dup.id] })).rejects.toMatchObject({ code: 'record_merged' });
		// Maxim worked the duplicate: he observes the survivor now.
		expect((await getRecord(w.db, maxim.scope, survivor.id)).id).toBe(survivor.id);
	});

	it('keeps the survivor’s one company and refuses merging other types, itself, or what the person cannot see', async () => {
		const c1 = await createRecord(w.db, marina.scope, { type: 'company', title: 'Ромашка' });
		const c2 = await createRecord(w.db, marina.scope, { type: 'company', title: 'Лютик' });
		const d1 = await createRecord(w.db, marina.scope, { type: 'deal', title: 'Кухня', links: [c1.id] });
		const d2 = await createRecord(w.db, marina.scope, { type: 'deal', title: 'Кухня', links: [c2.id] });
		await mergeRecords(w.db, marina.scope, d1.id, { from: [d2.id] });
		expect((await listLinks(w.db, marina.scope, d1.id)).map((l) => l.id)).toEqual([c1.id]);
		await expect(mergeRecords(w.db, marina.scope, c1.id, { from: [c1.id] })).rejects.toMatchObject({ details: [{ field: 'from', message: 'merge_into_itself' }] });
		await expect(mergeRecords(w.db, marina.scope, c1.id, { from: [d1.id] })).rejects.toMatchObject({ details: [{ field: 'from', message: 'merge_other_type' }] });
		await expect(mergeRecords(w.db, marina.scope, c1.id, { from: [c2.id], values: { title: 'elsewhere' } })).rejects.toMatchObject({
			details: [{ field: 'values.title', message: 'merge_choice_unknown' }]
		});
		const his = await createRecord(w.db, maxim.scope, { type: 'company', title: 'Ромашка' });
		await expect(mergeRecords(w.db, marina.scope, c1.id, { from: [his.id] })).rejects.toMatchObject({ code: 'not_found' });
	});

	it('merges a chain: records merged earlier follow the survivor', async () => {
		const a = await contact(marina, { name: 'А' });
		const b = await contact(marina, { name: 'Б' });
		const c = await contact(marina, { name: 'В' });
		await mergeRecords(w.db, marina.scope, b.id, { from: [a.id] });
		await mergeRecords(w.db, marina.scope, c.id, { from: [b.id] });
		expect((await getRecord(w.db, marina.scope, a.id)).mergedInto).toBe(c.id);
	});

	it('with automatic merge on, a new record with the same phone or e-mail folds into the oldest match', async () => {
		expect(await getCrmSettings(w.db, w.owner.scope)).toEqual({ autoMerge: false });
		await expect(updateCrmSettings(w.db, marina.scope, { autoMerge: true })).rejects.toMatchObject({ code: 'forbidden' });
		await updateCrmSettings(w.db, w.owner.scope, { autoMerge: true });
		const first = await contact(marina, { name: 'Анна', phone: '+79161234567' });
		const sameName = await contact(marina, { name: 'Анна' });
		expect(sameName.mergedInto).toBeNull();
		const incoming = await createRecord(w.db, w.owner.scope, { type: 'contact', values: { name: 'Анна Петрова', phone: '8 916 123-45-67', email: 'anna@example.ru' }, responsibleId: null });
		expect(incoming.mergedInto).toBe(first.id);
		const survivor = await getRecord(w.db, w.owner.scope, first.id);
		expect(survivor.values).toMatchObject({ name: 'Анна', phone: ['+79161234567'], email: ['anna@example.ru'] });
		const [entry] = await listTimeline(w.db, w.owner.scope, first.id);
		expect(entry).toMatchObject({ kind: 'merged', payload: { reason: 'auto' } });
	});
});
