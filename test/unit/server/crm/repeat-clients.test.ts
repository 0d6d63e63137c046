import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { crmRecords } from '$lib/server/db/schema';
import { createRecord } from '$lib/server/crm/records';
import { crmWorkspace, type Person } from './crm-fixtures';

/** A record is marked as a repeat client at creation when its phone or e-mail is known, or it is linked to a known contact or company. */
describe('repeat clients', () => {
	let w: Awaited<ReturnType<typeof crmWorkspace>>;
	let head: Person;
	beforeEach(async () => {
		w = await crmWorkspace('repeat');
		head = await w.person(['manager'], 'head');
	});
	afterEach(() => w.db.dispose());

	const repeat = async (id: string) => (await w.db.db.select({ repeat: crmRecords.repeat }).from(crmRecords).where(eq(crmRecords.id, id)))[0]!.repeat;

	it('marks a lead whose phone or e-mail a contact, company or earlier lead already has, and no other', async () => {
		await createRecord(w.db, head.scope, { type: 'contact', values: { name: 'Иван', phone: '+7 916 111-22-33' } });
		await createRecord(w.db, head.scope, { type: 'company', title: 'ООО «Ромашка»', values: { email: 'info@romashka.ru' } });
		const first = await createRecord(w.db, head.scope, { type: 'lead', title: 'Новая заявка', values: { phone: '+7 903 000-00-01' } });
		expect(await repeat(first.id)).toBe(false);
		const byPhone = await createRecord(w.db, head.scope, { type: 'lead', title: 'Звонок', values: { phone: '8 (916) 111-22-33' } });
		expect(await repeat(byPhone.id)).toBe(true);
		const byEmail = await createRecord(w.db, head.scope, { type: 'lead', title: 'Письмо', values: { email: 'INFO@romashka.ru' } });
		expect(await repeat(byEmail.id)).toBe(true);
		const again = await createRecord(w.db, head.scope, { type: 'lead', title: 'Снова', values: { phone: '+7 903 000-00-01' } });
		expect(await repeat(again.id)).toBe(true);
	});

	it('marks a deal created linked to an existing company', async () => {
		const company = await createRecord(w.db, head.scope, { type: 'company', title: 'ООО «Вектор»' });
		const deal = await createRecord(w.db, head.scope, { type: 'deal', title: 'Кухни для офиса', links: [company.id] });
		expect(await repeat(deal.id)).toBe(true);
		const fresh = await createRecord(w.db, head.scope, { type: 'deal', title: 'Кухня в квартиру' });
		expect(await repeat(fresh.id)).toBe(false);
	});
});
