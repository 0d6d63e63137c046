/**
 * The CRM's REST API against the built server on a real libsql file: field
 * definitions, records (create with validation, list with search and keyset
 * pages, read with links and allowed moves, change), duplicates and merge —
 * and who sees what: an employee only own records, a head of sales all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '$lib/server/db/connect';
import { createSession } from '$lib/server/auth/sessions';
import { createApiToken } from '$lib/server/workspaces/api-tokens';
import { updateCrmSettings } from '$lib/server/crm/settings';
import { createProcess } from '$lib/server/processes/processes';
import { saveRevision } from '$lib/server/processes/revisions';
import { publishProcess } from '$lib/server/workflow/publish';
import { createGroup } from '$lib/server/workspaces/groups';
import { setMemberGroups } from '$lib/server/workspaces/members';
import { addMember, makeWorkspace, scopeOf } from '../helpers/fixtures';
import { DEAL_FLOW, bpmn } from './crm/workflow-fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { updateReviewSettings } from '$lib/server/review/settings';

describe('CRM API', () => {
	let server: RunningServer;
	let db: Database;
	let ws: string;
	let ownerId: string;
	let owner: string;
	let analyst: string;
	let head: string;
	let marina: string;
	let maxim: string;
	const sales: string[] = [];
	let outsider: string;

	beforeAll(async () => {
		server = await startServer();
		db = await connect(`file:${server.dbPath}`);
		const a = await makeWorkspace(db, 'owner@kitchens.test', 'Кухни');
		ws = a.workspaceId;
		ownerId = a.ownerId;
		const cookie = async (userId: string) => `potok_session=${(await createSession(db, userId)).token}`;
		owner = await cookie(a.ownerId);
		analyst = await cookie((await addMember(db, ws, 'anna@kitchens.test', ['analyst'])).userId);
		head = await cookie((await addMember(db, ws, 'elena@kitchens.test', ['manager'])).userId);
		const m1 = await addMember(db, ws, 'marina@kitchens.test', ['employee']);
		const m2 = await addMember(db, ws, 'maxim@kitchens.test', ['employee']);
		marina = await cookie(m1.userId);
		maxim = await cookie(m2.userId);
		sales.push(m1.userId, m2.userId);
		const group = await createGroup(db, scopeOf(ws, ownerId, null, ['owner']), 'Продажи');
		for (const m of [m1, m2]) await db.write((tx) => setMemberGroups(tx, ws, m.membershipId, [group]));
		outsider = await cookie((await makeWorkspace(db, 'owner@other.test', 'Другая')).ownerId);
	});
	afterAll(async () => {
		db?.close();
		await server?.stop();
	});

	async function call(method: string, path: string, opts: { cookie?: string; bearer?: string; json?: unknown; lang?: string }) {
		const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'ru' };
		if (opts.cookie) headers.cookie = opts.cookie;
		if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
		let body: string | undefined;
		if (opts.json !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(opts.json);
		}
		const res = await fetch(`${server.url}/api/v1/w/${ws}${path}`, { method, headers, body });
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : null };
	}

	const problems = (body: { error: { details: { field: string; message: string }[] } }) => Object.fromEntries(body.error.details.map((d) => [d.field, d.message]));

	async function create(cookie: string, json: Record<string, unknown>): Promise<string> {
		const res = await call('POST', '/records', { cookie, json });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		return res.body.id;
	}

	describe('fields', () => {
		it('lists the standard fields of a deal in card order, to every member', async () => {
			const res = await call('GET', '/fields/deal', { cookie: marina });
			expect(res.status).toBe(200);
			expect(res.body.entityType).toEqual({ key: 'deal', name: 'Сделка', builtIn: true });
			expect(res.body.fields.map((f: { key: string }) => f.key).slice(0, 3)).toEqual(['title', 'amount', 'source']);
			expect(res.body.fields[0]).toMatchObject({ key: 'title', label: 'Название сделки', type: 'string', required: true, system: true });
			expect(res.body.fields.find((f: { key: string }) => f.key === 'source').options).toContainEqual({ key: 'web', label: 'Сайт' });
		});

		it('lets an analyst add an enum field, and refuses managers and bad definitions with the field named', async () => {
			const created = await call('POST', '/fields/deal', {
				cookie: analyst,
				json: { label: 'Тип кухни', type: 'enum', options: [{ label: 'Прямая' }, { label: 'Угловая' }] }
			});
			expect(created.status).toBe(201);
			expect(created.body.field).toMatchObject({ key: 'tip_kukhni', label: 'Тип кухни', type: 'enum', system: false, options: [{ key: 'pryamaya', label: 'Прямая' }, { key: 'uglovaya', label: 'Угловая' }] });
			const listed = await call('GET', '/fields/deal', { cookie: head });
			expect(listed.body.fields.at(-1).key).toBe('tip_kukhni');

			expect((await call('POST', '/fields/deal', { cookie: head, json: { label: 'Поле', type: 'string' } })).status).toBe(403);
			const noOptions = await call('POST', '/fields/deal', { cookie: owner, json: { label: 'Пустой список', type: 'enum', options: [] } });
			expect(noOptions.status).toBe(400);
			expect(problems(noOptions.body)).toEqual({ options: 'Добавьте хотя бы один вариант' });
			const taken = await call('POST', '/fields/deal', { cookie: owner, json: { key: 'tip_kukhni', label: 'Ещё раз', type: 'string' } });
			expect(taken.status).toBe(409);
			expect((await call('GET', '/fields/no_such_type', { cookie: owner })).status).toBe(404);
		});
	});

	describe('records', () => {
		it('creates a deal with values checked against its fields and answers its id, stage and status', async () => {
			const res = await call('POST', '/records', {
				cookie: head,
				json: { type: 'deal', title: 'Кухня для Ивановых', fields: { amount: '350000', source: 'web', tip_kukhni: 'uglovaya' } }
			});
			expect(res.status).toBe(201);
			expect(res.body).toMatchObject({
				id: expect.any(String),
				type: 'deal',
				pipeline: null,
				stage: null,
				status: 'open',
				title: 'Кухня для Ивановых',
				fields: { amount: { amount: 350000, currency: 'RUB' }, source: 'web', tip_kukhni: 'uglovaya' },
				amount: 350000,
				currency: 'RUB',
				mergedInto: null,
				duplicates: []
			});
			const read = await call('GET', `/records/${res.body.id}`, { cookie: head });
			expect(read.body).toMatchObject({ id: res.body.id, title: 'Кухня для Ивановых', links: [], allowedMoves: [] });
		});

		it('refuses bad values naming each field in the caller’s language, and creates nothing', async () => {
			const before = await call('GET', '/records?type=deal', { cookie: head });
			const res = await call('POST', '/records', {
				cookie: head,
				json: { type: 'deal', title: '', fields: { amount: 'много', source: 'pigeon', colour: 'red' } }
			});
			expect(res.status).toBe(400);
			expect(res.body.error.code).toBe('validation');
			expect(problems(res.body)).toEqual({
				'fields.amount': 'Неверная сумма: Сумма',
				'fields.source': 'Такого варианта нет в списке: Источник',
				'fields.colour': 'Неизвестное поле: colour',
				title: 'Заполните поле: Название сделки'
			});
			expect((await call('GET', '/records?type=deal', { cookie: head })).body.items.length).toBe(before.body.items.length);

			// The stage is the diagram's to set; a pipeline must be a published one.
			const stage = await call('POST', '/records', { cookie: head, json: { type: 'deal', title: 'X', stage: 'won' } });
			expect(stage.status).toBe(400);
			const pipeline = await call('POST', '/records', { cookie: head, json: { type: 'deal', title: 'X', pipeline: 'nowhere' } });
			expect(pipeline.status).toBe(400);
			expect(pipeline.body.error.details[0].field).toBe('pipeline');
			expect((await call('POST', '/records', { cookie: head, json: { type: 'nothing', title: 'X' } })).status).toBe(404);
		});

		it('lists records newest change first in keyset pages that neither skip nor repeat', async () => {
			const made: string[] = [];
			for (let i = 1; i <= 5; i++) made.push(await create(head, { type: 'company', title: `ООО «Фасад ${i}»` }));
			const seen: string[] = [];
			let cursor: string | null = null;
			do {
				const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call('GET', `/records?type=company&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie: head });
				expect(page.body.items.length).toBeLessThanOrEqual(2);
				seen.push(...page.body.items.map((r) => r.id));
				cursor = page.body.nextCursor;
			} while (cursor);
			expect(seen).toEqual([...made].reverse());
			const bad = await call('GET', '/records?type=company&cursor=garbage', { cookie: head });
			expect(bad.status).toBe(400);
			expect((await call('GET', '/records', { cookie: head })).status).toBe(400);
		});

		it('searches by name, by a phone typed any way, and by e-mail prefix', async () => {
			const id = await create(head, { type: 'contact', fields: { last_name: 'Ёлкина', name: 'Анна', phone: ['+7 (912) 345-67-89'], email: ['anna.yolkina@mail.test'] } });
			const find = async (q: string) => (await call('GET', `/records?type=contact&q=${encodeURIComponent(q)}`, { cookie: head })).body.items.map((r: { id: string }) => r.id);
			expect(await find('елкина')).toContain(id);
			expect(await find('8 912 345 67 89')).toContain(id);
			expect(await find('345-67')).toContain(id);
			expect(await find('anna.yol')).toContain(id);
			expect(await find('Петрова')).not.toContain(id);
		});

		it('links a new deal to its contact and company, both ways', async () => {
			const contact = await create(head, { type: 'contact', fields: { name: 'Олег', last_name: 'Сидоров' } });
			const company = await create(head, { type: 'company', title: 'Стройдом' });
			const deal = await create(head, { type: 'deal', title: 'Кухня для Сидорова', links: [contact, company] });
			const read = await call('GET', `/records/${deal}`, { cookie: head });
			expect(read.body.links).toEqual(
				expect.arrayContaining([
					{ id: contact, type: 'contact', title: 'Сидоров Олег', direction: 'to' },
					{ id: company, type: 'company', title: 'Стройдом', direction: 'to' }
				])
			);
			const back = await call('GET', `/records/${contact}`, { cookie: head });
			expect(back.body.links).toEqual([{ id: deal, type: 'deal', title: 'Кухня для Сидорова', direction: 'from' }]);
			const wrong = await call('POST', '/records', { cookie: head, json: { type: 'company', title: 'Ещё', links: [company] } });
			expect(wrong.status).toBe(400);
		});

		it('changes only the values given and says which changed; a required title cannot be cleared', async () => {
			const id = await create(head, { type: 'deal', title: 'Шкаф-купе', fields: { amount: 90000, source: 'call' } });
			const res = await call('PATCH', `/records/${id}`, { cookie: head, json: { fields: { amount: 95000, source: 'call' } } });
			expect(res.status).toBe(200);
			expect(res.body.changed).toEqual(['amount']);
			expect(res.body.fields).toEqual({ amount: { amount: 95000, currency: 'RUB' }, source: 'call' });
			const cleared = await call('PATCH', `/records/${id}`, { cookie: head, json: { title: '' } });
			expect(cleared.status).toBe(400);
			expect(problems(cleared.body)).toEqual({ title: 'Заполните поле: Название сделки' });
			const badValue = await call('PATCH', `/records/${id}`, { cookie: head, json: { fields: { close_date: '31.02.2025' } } });
			expect(problems(badValue.body)).toEqual({ 'fields.close_date': 'Неверная дата: Дата завершения' });
			expect((await call('PATCH', `/records/${id}`, { cookie: head, json: { stage: 'won' } })).status).toBe(400);
		});
	});

	describe('who sees what', () => {
		it('an employee sees and changes only own records; the head of sales sees all; outsiders see nothing', async () => {
			const own = await create(marina, { type: 'deal', title: 'Кухня Марины' });
			const other = await create(maxim, { type: 'deal', title: 'Кухня Максима' });
			const marinaList = (await call('GET', '/records?type=deal&limit=200', { cookie: marina })).body.items.map((r: { id: string }) => r.id);
			expect(marinaList).toContain(own);
			expect(marinaList).not.toContain(other);
			const headMine = (await call('GET', '/records?type=deal&responsible=me&limit=200', { cookie: head })).body.items as { id: string; responsibleId: string }[];
			expect(headMine.length).toBeGreaterThan(0);
			expect(new Set(headMine.map((r) => r.responsibleId)).size).toBe(1);
			expect(headMine.map((r) => r.id)).not.toContain(own);
			expect((await call('GET', `/records/${other}`, { cookie: marina })).status).toBe(404);
			expect((await call('PATCH', `/records/${other}`, { cookie: marina, json: { title: 'Моя' } })).status).toBe(404);
			expect((await call('GET', `/records/${other}/duplicates`, { cookie: marina })).status).toBe(404);

			const headList = (await call('GET', '/records?type=deal&limit=200', { cookie: head })).body.items.map((r: { id: string }) => r.id);
			expect(headList).toEqual(expect.arrayContaining([own, other]));
			expect((await call('GET', `/records/${own}`, { cookie: outsider })).status).toBe(404);
			expect((await call('GET', '/records?type=deal', { cookie: outsider })).status).toBe(404);
		});

		it('an employee who hands a record to a colleague gets the answer but no longer sees it', async () => {
			const [maximRow] = (await call('GET', '/records?type=deal&q=Максима', { cookie: head })).body.items;
			const res = await call('POST', '/records', { cookie: marina, json: { type: 'deal', title: 'Передаю', responsibleId: maximRow.responsibleId } });
			expect(res.status).toBe(201);
			expect(res.body.responsibleId).toBe(maximRow.responsibleId);
			expect((await call('GET', `/records/${res.body.id}`, { cookie: marina })).status).toBe(404);
		});

		it('an API token works as its roles allow', async () => {
			const { token } = await createApiToken(db, scopeOf(ws, ownerId, null, ['owner']), { name: 'Сайт', roles: ['manager'] });
			const res = await call('POST', '/records', { bearer: token, json: { type: 'lead', fields: { name: 'Заявка', phone: '+7 900 000-00-01' } } });
			expect(res.status).toBe(201);
			expect(res.body.title).toBe('Заявка');
			expect((await call('POST', '/fields/lead', { bearer: token, json: { label: 'Поле', type: 'string' } })).status).toBe(403);
			// A token has no profile: its answers speak the request's language.
			const english = await call('POST', '/records', { bearer: token, lang: 'en', json: { type: 'deal', title: 'X', fields: { amount: 'lots' } } });
			expect(english.body.error.details).toEqual([{ field: 'fields.amount', message: 'Not an amount: Сумма' }]);
		});
	});

	describe('duplicates and merge', () => {
		it('finds a contact with the same phone written differently and merges it, keeping the chosen values and uniting lists', async () => {
			const older = await create(head, { type: 'contact', fields: { last_name: 'Кузнецов', name: 'Павел', phone: '8 (913) 111-22-33', post: 'Прораб' } });
			const newer = await create(head, { type: 'contact', fields: { last_name: 'Кузнецов', name: 'Паша', phone: '+79131112233', email: 'pavel@k.test', post: 'Директор' } });
			const dupes = await call('GET', `/records/${newer}/duplicates`, { cookie: head });
			expect(dupes.status).toBe(200);
			expect(dupes.body.duplicates).toEqual([expect.objectContaining({ id: older, title: 'Кузнецов Павел', matchedBy: ['phone'], visible: true })]);

			const merged = await call('POST', `/records/${older}/merge`, { cookie: head, json: { from: [newer], values: { post: newer } } });
			expect(merged.status).toBe(200);
			expect(merged.body.record.fields).toMatchObject({ post: 'Директор', email: ['pavel@k.test'], phone: ['+79131112233'] });
			expect(merged.body.changed).toEqual(expect.arrayContaining(['post', 'email']));
			const gone = await call('GET', `/records/${newer}`, { cookie: head });
			expect(gone.body.mergedInto).toBe(older);
			expect((await call('PATCH', `/records/${newer}`, { cookie: head, json: { title: 'X' } })).status).toBe(409);
			expect((await call('GET', `/records/${older}/duplicates`, { cookie: head })).body.duplicates).toEqual([]);
			const itself = await call('POST', `/records/${older}/merge`, { cookie: head, json: { from: [older] } });
			expect(itself.status).toBe(400);
			expect((await call('POST', `/records/${older}/merge`, { cookie: head, json: {} })).status).toBe(400);
		});

		it('with automatic merge on, a new contact with a known e-mail is folded into the older one', async () => {
			await updateCrmSettings(db, scopeOf(ws, ownerId, null, ['owner']), { autoMerge: true });
			const older = await create(head, { type: 'contact', fields: { name: 'Вера', email: 'vera@shop.test' } });
			const res = await call('POST', '/records', { cookie: head, json: { type: 'contact', fields: { name: 'Вера Н.', email: 'VERA@shop.test', phone: '+7 999 123-45-67' } } });
			expect(res.status).toBe(201);
			expect(res.body.mergedInto).toBe(older);
			expect(res.body.duplicates).toEqual([expect.objectContaining({ id: older, matchedBy: ['email'] })]);
			const survivor = await call('GET', `/records/${older}`, { cookie: head });
			expect(survivor.body.fields.phone).toEqual(['+79991234567']);
			await updateCrmSettings(db, scopeOf(ws, ownerId, null, ['owner']), { autoMerge: false });
		});

		it('an employee cannot merge a record of someone else', async () => {
			const mine = await create(marina, { type: 'company', title: 'ИП Маринин' });
			const theirs = await create(maxim, { type: 'company', title: 'ИП Маринин' });
			expect((await call('POST', `/records/${mine}/merge`, { cookie: marina, json: { from: [theirs] } })).status).toBe(404);
		});
	});

	// Last: once a deal pipeline is published, every new deal starts in it.
	describe('in a published pipeline', () => {
		beforeAll(async () => {
			const owner = scopeOf(ws, ownerId, null, ['owner']);
			const processId = await createProcess(db, owner, { name: 'Продажа кухни', description: '', entityType: 'deal' });
			await saveRevision(db, owner, processId, 'to_be', await bpmn('kitchen', DEAL_FLOW));
			await updateReviewSettings(db, owner, { approvalRule: 'any', publishOnlyApproved: false }); // not about approval
			await publishProcess(db, owner, processId);
		});

		it('a new deal starts at the first stage of its pipeline and says where the diagram lets it go', async () => {
			const res = await call('POST', '/records', { cookie: head, json: { type: 'deal', title: 'Кухня в пайплайне', fields: { amount: 200000 }, responsibleId: null } });
			expect(res.status).toBe(201);
			expect(res.body).toMatchObject({ pipeline: 'kitchen', stage: 'new', status: 'open' });
			expect(sales).toContain(res.body.responsibleId);
			const read = await call('GET', `/records/${res.body.id}`, { cookie: head });
			expect(read.body.allowedMoves).toEqual([
				{ stage: 'meeting', outcome: 'meeting', missingFields: ['meeting_at'] },
				{ stage: 'lost', outcome: 'lost', missingFields: ['loss_reason'] }
			]);
			const named = await call('POST', '/records', { cookie: head, json: { type: 'deal', pipeline: 'kitchen', title: 'Названная воронка' } });
			expect(named.body).toMatchObject({ pipeline: 'kitchen', stage: 'new' });
			const contact = await call('POST', '/records', { cookie: head, json: { type: 'contact', pipeline: 'kitchen', title: 'Не туда' } });
			expect(contact.status).toBe(400);
			expect(contact.body.error.details[0].field).toBe('pipeline');
			// A filled field does not move the record: only a move along the diagram does.
			const patched = await call('PATCH', `/records/${res.body.id}`, { cookie: head, json: { fields: { meeting_at: '2026-03-01T10:00:00+03:00' } } });
			expect(patched.body).toMatchObject({ stage: 'new', allowedMoves: expect.arrayContaining([{ stage: 'meeting', outcome: 'meeting', missingFields: [] }]) });
		});
	});
});
