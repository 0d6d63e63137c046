import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntityType, ensureEntityTypeTx, listEntityTypes, seedCrmTx } from '$lib/server/crm/entity-types';
import { createField, deleteField, listFields, reorderFields, updateField } from '$lib/server/crm/fields';
import { mergeDiagramFieldsTx } from '$lib/server/crm/diagram-fields';
import { createRecord, getRecord } from '$lib/server/crm/records';
import { listRecords } from '$lib/server/crm/record-list';
import { crmEntityTypes, crmFields } from '$lib/server/db/schema';
import { crmWorkspace } from './crm-fixtures';

describe('entity types and field definitions', () => {
	let w: Awaited<ReturnType<typeof crmWorkspace>>;
	beforeEach(async () => {
		w = await crmWorkspace('fields');
	});
	afterEach(() => w.db.dispose());

	it('gives a new workspace lead, deal, contact and company with Bitrix24-like standard fields', async () => {
		const types = await listEntityTypes(w.db, w.owner.scope);
		expect(types.map((t) => [t.key, t.name, t.builtIn])).toEqual([
			['company', 'Компания', true],
			['contact', 'Контакт', true],
			['deal', 'Сделка', true],
			['lead', 'Лид', true]
		]);
		const deal = await listFields(w.db, w.owner.scope, 'deal');
		expect(deal.map((f) => f.key)).toEqual(['title', 'amount', 'source', 'source_description', 'begin_date', 'close_date', 'comments', 'responsible', 'observers']);
		expect(deal.find((f) => f.key === 'amount')).toMatchObject({ label: 'Сумма', type: 'money', system: true });
		const lead = await listFields(w.db, w.owner.scope, 'lead');
		expect(lead.find((f) => f.key === 'phone')).toMatchObject({ type: 'phone', multiple: true });
		expect(lead.find((f) => f.key === 'source')!.options.map((o) => o.label)).toContain('Авито');
		expect(lead.find((f) => f.key === 'title')).toMatchObject({ required: true, system: true });
	});

	it('seeding again changes nothing', async () => {
		const before = await w.db.db.select().from(crmFields);
		await w.db.write((tx) => seedCrmTx(tx, w.workspaceId));
		expect((await w.db.db.select().from(crmFields)).length).toBe(before.length);
		expect((await w.db.db.select().from(crmEntityTypes)).length).toBe(4);
	});

	it('creates a custom entity type by name with a key made from it, and finds it again by name or key', async () => {
		const hiring = await createEntityType(w.db, w.owner.scope, 'Найм сотрудника');
		expect(hiring).toMatchObject({ key: 'naym_sotrudnika', name: 'Найм сотрудника', builtIn: false });
		expect((await listFields(w.db, w.owner.scope, hiring.key)).map((f) => f.key)).toEqual(['title', 'comments', 'responsible', 'observers']);
		const again = await w.db.write((tx) => ensureEntityTypeTx(tx, w.workspaceId, 'найм сотрудника'));
		expect(again.id).toBe(hiring.id);
		expect((await w.db.write((tx) => ensureEntityTypeTx(tx, w.workspaceId, 'naym_sotrudnika'))).id).toBe(hiring.id);
		await expect(createEntityType(w.db, w.owner.scope, 'Найм сотрудника')).rejects.toMatchObject({ code: 'conflict' });
	});

	it('adds a field with a key from its label, at the end; refuses bad, reserved and taken keys', async () => {
		const f = await createField(w.db, w.owner.scope, 'deal', { label: 'Дата встречи', type: 'datetime' });
		expect(f).toMatchObject({ key: 'data_vstrechi', position: 9, system: false });
		await expect(createField(w.db, w.owner.scope, 'deal', { key: 'Meeting-At', label: 'x', type: 'string' })).rejects.toMatchObject({
			code: 'validation',
			details: [{ field: 'key', message: 'field_key_format' }]
		});
		await expect(createField(w.db, w.owner.scope, 'deal', { key: 'stage', label: 'x', type: 'string' })).rejects.toMatchObject({
			details: [{ field: 'key', message: 'field_key_reserved' }]
		});
		await expect(createField(w.db, w.owner.scope, 'deal', { key: 'amount', label: 'x', type: 'string' })).rejects.toMatchObject({ code: 'conflict' });
		await expect(createField(w.db, w.owner.scope, 'deal', { label: 'Флаг', type: 'boolean', multiple: true })).rejects.toMatchObject({
			details: [{ field: 'multiple', message: 'cannot_be_multiple' }]
		});
		await expect(createField(w.db, w.owner.scope, 'deal', { label: 'Список', type: 'enum' })).rejects.toMatchObject({
			details: [{ field: 'options', message: 'options_required' }]
		});
		await expect(createField(w.db, w.owner.scope, 'deal', { label: 'Клиент', type: 'record-link', settings: { targetType: 'ship' } })).rejects.toMatchObject({
			details: [{ field: 'settings.targetType', message: 'unknown_entity_type:ship' }]
		});
	});

	it('only owners and analysts configure fields', async () => {
		const employee = await w.person(['employee']);
		const manager = await w.person(['manager']);
		const analyst = await w.person(['analyst']);
		await expect(createField(w.db, employee.scope, 'deal', { label: 'x', type: 'string' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createField(w.db, manager.scope, 'deal', { label: 'x', type: 'string' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createField(w.db, analyst.scope, 'deal', { label: 'x', type: 'string' })).resolves.toMatchObject({ key: 'x' });
		expect((await listFields(w.db, employee.scope, 'deal')).length).toBe(10);
	});

	it('edits enum options at any time: renames keep values, new options get keys, used options left out are archived', async () => {
		const field = await createField(w.db, w.owner.scope, 'deal', {
			label: 'Причина отказа',
			type: 'enum',
			options: [{ label: 'Дорого' }, { label: 'Нет в наличии' }, { label: 'Опечатка' }]
		});
		expect(field.options).toEqual([
			{ key: 'dorogo', label: 'Дорого' },
			{ key: 'net_v_nalichii', label: 'Нет в наличии' },
			{ key: 'opechatka', label: 'Опечатка' }
		]);
		const { id } = await createRecord(w.db, w.owner.scope, { type: 'deal', title: 'Кухня', values: { prichina_otkaza: 'net_v_nalichii' } });

		const edited = await updateField(w.db, w.owner.scope, 'deal', field.key, {
			options: [{ key: 'dorogo', label: 'Слишком дорого' }, { label: 'Ушли к конкуренту' }]
		});
		expect(edited.options).toEqual([
			{ key: 'dorogo', label: 'Слишком дорого' },
			{ key: 'ushli_k_konkurentu', label: 'Ушли к конкуренту' },
			{ key: 'net_v_nalichii', label: 'Нет в наличии', archived: true }
		]);
		expect((await getRecord(w.db, w.owner.scope, id)).values.prichina_otkaza).toBe('net_v_nalichii');
		await expect(createRecord(w.db, w.owner.scope, { type: 'deal', title: 'Вторая', values: { prichina_otkaza: 'net_v_nalichii' } })).rejects.toMatchObject({
			details: [{ field: 'values.prichina_otkaza', message: 'unknown_option:Причина отказа' }]
		});
		await expect(updateField(w.db, w.owner.scope, 'deal', field.key, { options: [{ label: 'A' }, { label: 'a' }] })).rejects.toMatchObject({
			details: [{ field: 'options.1.label', message: 'option_duplicate:a' }]
		});
	});

	it('changes a type while no value is stored, afterwards only when values stay meaningful', async () => {
		await createField(w.db, w.owner.scope, 'lead', { key: 'city', label: 'Город', type: 'string' });
		await createField(w.db, w.owner.scope, 'lead', { key: 'size', label: 'Размер', type: 'string' });
		await createField(w.db, w.owner.scope, 'lead', { key: 'kind', label: 'Вид', type: 'enum', options: [{ key: 'a', label: 'А' }, { key: 'b', label: 'Б' }] });
		expect((await updateField(w.db, w.owner.scope, 'lead', 'size', { type: 'number' })).type).toBe('number');

		const { id } = await createRecord(w.db, w.owner.scope, { type: 'lead', title: 'Заявка', values: { city: 'Казань', size: 3, kind: 'a' } });
		await expect(updateField(w.db, w.owner.scope, 'lead', 'size', { type: 'date' })).rejects.toMatchObject({
			code: 'field_type_change',
			params: { label: 'Размер', from: 'number', to: 'date' }
		});
		expect((await updateField(w.db, w.owner.scope, 'lead', 'city', { type: 'text' })).type).toBe('text');
		await updateField(w.db, w.owner.scope, 'lead', 'kind', { type: 'multi-enum' });
		expect((await getRecord(w.db, w.owner.scope, id)).values).toMatchObject({ city: 'Казань', kind: ['a'] });
		await expect(updateField(w.db, w.owner.scope, 'lead', 'kind', { type: 'enum' })).rejects.toMatchObject({ code: 'field_type_change' });
		await expect(updateField(w.db, w.owner.scope, 'lead', 'phone', { type: 'string' })).rejects.toMatchObject({ code: 'system_field' });
		await expect(updateField(w.db, w.owner.scope, 'lead', 'title', { required: false })).rejects.toMatchObject({ code: 'system_field' });
		await expect(updateField(w.db, w.owner.scope, 'lead', 'city', { key: 'town' })).rejects.toMatchObject({ details: [{ field: 'key', message: 'field_key_fixed' }] });
		expect((await updateField(w.db, w.owner.scope, 'lead', 'phone', { label: 'Телефоны', required: true })).label).toBe('Телефоны');
	});

	it('a single value becomes a list when a field turns multiple, and search follows', async () => {
		await createField(w.db, w.owner.scope, 'contact', { key: 'home_phone', label: 'Домашний', type: 'string' });
		const { id } = await createRecord(w.db, w.owner.scope, { type: 'contact', title: 'Иван', values: { home_phone: '8 843 123-45-67' } });
		await updateField(w.db, w.owner.scope, 'contact', 'home_phone', { multiple: true });
		expect((await getRecord(w.db, w.owner.scope, id)).values.home_phone).toEqual(['8 843 123-45-67']);
		await expect(updateField(w.db, w.owner.scope, 'contact', 'home_phone', { type: 'phone' })).rejects.toMatchObject({ code: 'field_type_change' });
	});

	it('reorders fields with a full permutation only', async () => {
		const keys = (await listFields(w.db, w.owner.scope, 'company')).map((f) => f.key);
		const reversed = [...keys].reverse();
		await reorderFields(w.db, w.owner.scope, 'company', reversed);
		expect((await listFields(w.db, w.owner.scope, 'company')).map((f) => f.key)).toEqual(reversed);
		await expect(reorderFields(w.db, w.owner.scope, 'company', reversed.slice(1))).rejects.toMatchObject({ details: [{ field: 'keys', message: `not_permutation:${reversed[0]}` }] });
		await expect(reorderFields(w.db, w.owner.scope, 'company', [...reversed.slice(1), reversed[1]!])).rejects.toMatchObject({ code: 'validation' });
	});

	it('deletes a custom field with its values and its search rows; system fields stay', async () => {
		await createField(w.db, w.owner.scope, 'contact', { key: 'wife_phone', label: 'Телефон жены', type: 'phone' });
		const { id } = await createRecord(w.db, w.owner.scope, { type: 'contact', title: 'Пётр', values: { wife_phone: '89161112233' } });
		expect((await listRecords(w.db, w.owner.scope, { type: 'contact', q: '1112233' })).items.map((r) => r.id)).toEqual([id]);
		await deleteField(w.db, w.owner.scope, 'contact', 'wife_phone');
		expect((await getRecord(w.db, w.owner.scope, id)).values).toEqual({});
		expect((await listRecords(w.db, w.owner.scope, { type: 'contact', q: '1112233' })).items).toEqual([]);
		await expect(deleteField(w.db, w.owner.scope, 'contact', 'phone')).rejects.toMatchObject({ code: 'system_field', params: { label: 'Телефон' } });
		await expect(deleteField(w.db, w.owner.scope, 'contact', 'nothing')).rejects.toMatchObject({ code: 'not_found' });
	});

	it('merges a diagram’s stage fields into the type; a type conflict writes nothing and names field and element', async () => {
		const type = (await listEntityTypes(w.db, w.owner.scope)).find((t) => t.key === 'deal')!;
		const merged = await w.db.write((tx) =>
			mergeDiagramFieldsTx(tx, w.workspaceId, type.id, [
				{ key: 'meeting_at', label: 'Встреча', type: 'datetime', element: 'meeting' },
				{ key: 'loss_reason', label: 'Причина', type: 'enum', options: ['Дорого', 'Долго'], element: 'lost' },
				{ key: 'source', type: 'enum', options: ['Выставка'], element: 'new' }
			])
		);
		expect(merged).toEqual({ added: ['meeting_at', 'loss_reason'], updated: ['source'], conflicts: [] });
		const fields = await listFields(w.db, w.owner.scope, 'deal');
		expect(fields.find((f) => f.key === 'loss_reason')!.options).toEqual([{ key: 'Дорого', label: 'Дорого' }, { key: 'Долго', label: 'Долго' }]);
		expect(fields.find((f) => f.key === 'source')!.options.at(-1)).toEqual({ key: 'Выставка', label: 'Выставка' });

		const conflict = await w.db.write((tx) =>
			mergeDiagramFieldsTx(tx, w.workspaceId, type.id, [
				{ key: 'budget', type: 'number', element: 'qualify' },
				{ key: 'meeting_at', type: 'date', element: 'call' }
			])
		);
		expect(conflict.conflicts).toEqual([{ key: 'meeting_at', element: 'call', existingType: 'datetime', declaredType: 'date' }]);
		expect((await listFields(w.db, w.owner.scope, 'deal')).some((f) => f.key === 'budget')).toBe(false);
	});
});
