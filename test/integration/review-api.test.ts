/**
 * The client review over HTTP, against the built server on a real libsql file: who sees what,
 * comments pinned to elements, returns, signed approvals bound to the XML's SHA-256, the «all
 * approvers» rule, the publish gate, and the specification documents read back from the files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { connect, type Database } from '$lib/server/db/connect';
import { memberships, notifications, reviewDecisions } from '$lib/server/db/schema';
import { createSession } from '$lib/server/auth/sessions';
import { newId } from '$lib/server/ids';
import { createProcess } from '$lib/server/processes/processes';
import { saveRevision } from '$lib/server/processes/revisions';
import { UserError } from '$lib/server/errors';
import { assertApprovedForPublish } from '$lib/server/review/publish-gate';
import { buildSpec } from '$lib/spec';
import type { Role } from '$lib/roles';
import { makeUser, makeWorkspace, scopeOf } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { readFileSync } from 'node:fs';
import { docxText, htmlText, normalize, pdfText } from '../unit/spec/helpers/document-text';
import { makePng } from '../unit/spec/helpers/make-png';
import { readZip } from '../unit/spec/helpers/read-zip';
import { salesFunnelXml } from '../unit/spec/helpers/sales-funnel';

/** The funnel as first drawn: «Встреча назначена» has no place field yet. */
const withoutPlace = salesFunnelXml.replace('<potok:field key="meeting_place" label="Место встречи" type="string" />', '');
const UA = 'Mozilla/5.0 (X11; Linux x86_64) PotokReviewTest/1.0';

describe('client review API', () => {
	let server: RunningServer;
	let db: Database;
	let ws: string;
	let wsB: string;
	let processId: string;
	let draftId: string;
	const people = new Map<string, { userId: string; cookie: string }>();

	async function member(workspaceId: string, key: string, name: string, roles: Role[]) {
		const userId = await makeUser(db, `${key}@review.test`, name);
		await db.write((tx) => tx.insert(memberships).values({ id: newId(), workspaceId, userId, roles, createdAt: new Date() }));
		people.set(key, { userId, cookie: `potok_session=${(await createSession(db, userId)).token}` });
		return userId;
	}
	const scope = (key: string, roles: Role[], workspaceId = ws) => scopeOf(workspaceId, people.get(key)!.userId, null, roles);

	async function call(who: string, method: string, path: string, body?: unknown) {
		const headers: Record<string, string> = { origin: server.url, 'accept-language': 'ru', 'user-agent': UA, cookie: people.get(who)!.cookie };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
		const type = res.headers.get('content-type') ?? '';
		const parsed = type.includes('json') ? await res.json() : type.includes('text') ? await res.text() : new Uint8Array(await res.arrayBuffer());
		return { status: res.status, body: parsed, headers: res.headers };
	}
	const rev = (n: number, id = processId) => `/api/v1/w/${ws}/processes/${id}/tracks/to_be/revisions/${n}`;
	const save = (xml: string) => saveRevision(db, scope('analyst', ['analyst']), processId, 'to_be', xml);

	beforeAll(async () => {
		server = await startServer();
		db = await connect(`file:${server.dbPath}`);
		const owner = await makeWorkspace(db, 'owner@review.test', 'Кухни на заказ');
		ws = owner.workspaceId;
		people.set('owner', { userId: owner.ownerId, cookie: `potok_session=${(await createSession(db, owner.ownerId)).token}` });
		await member(ws, 'analyst', 'Антон Аналитиков', ['analyst']);
		await member(ws, 'client', 'Кирилл Заказчиков', ['approver']);
		await member(ws, 'client2', 'Вера Директорова', ['approver']);
		await member(ws, 'head', 'Елена Руководова', ['manager']);
		wsB = (await makeWorkspace(db, 'owner@other.test', 'Другая компания')).workspaceId;
		await member(wsB, 'foreignClient', 'Пётр Чужой', ['approver']);

		const analyst = scope('analyst', ['analyst']);
		processId = await createProcess(db, analyst, { name: 'Воронка продаж', description: 'От заявки до оплаты', entityType: 'deal' });
		await saveRevision(db, analyst, processId, 'as_is', withoutPlace);
		await saveRevision(db, analyst, processId, 'to_be', withoutPlace);
		draftId = await createProcess(db, analyst, { name: 'Черновик найма', description: '', entityType: 'Найм' });
		await saveRevision(db, analyst, draftId, 'to_be', withoutPlace);
	});
	afterAll(async () => {
		db?.close();
		await server?.stop();
	});

	it('an approver sees nothing of a process before it is submitted, and never the drafts', async () => {
		expect((await call('client', 'GET', `/api/v1/w/${ws}/processes`)).status).toBe(403);
		expect((await call('client', 'GET', `/api/v1/w/${ws}/processes/${processId}/tracks/to_be/revisions/1.bpmn`)).status).toBe(403);
		expect((await call('client', 'GET', `${rev(1)}/review`)).status).toBe(404);
		expect((await call('client', 'GET', `${rev(1)}/spec.pdf`)).status).toBe(404);
		expect((await call('client', 'GET', `/w/${ws}/processes/${processId}/review/1`)).status).toBe(404);
		expect((await call('client', 'GET', `/w/${ws}/processes/${processId}`)).status).toBe(403);
	});

	it('the analyst submits TO BE with its AS IS; every approver is notified and sees it', async () => {
		const submitted = await call('analyst', 'POST', `${rev(1)}/submit`, { message: 'Посмотрите воронку' });
		expect(submitted.status).toBe(201);
		expect(submitted.body.submission).toMatchObject({ revision: 1, status: 'open' });
		for (const key of ['client', 'client2']) {
			const rows = await db.db.select().from(notifications).where(eq(notifications.userId, people.get(key)!.userId));
			expect(rows.map((r) => r.text)).toEqual([expect.stringContaining('«Воронка продаж» (TO BE, версия №1)')]);
		}
		const review = await call('client', 'GET', `${rev(1)}/review`);
		expect(review.status).toBe(200);
		expect(review.body).toMatchObject({ status: 'open', approved: false, submission: { message: 'Посмотрите воронку', asIsNumber: 1 }, can: { decide: true, comment: true, submit: false } });
		expect((await call('client', 'GET', `/w/${ws}/processes/${processId}/review/1`)).status).toBe(200);
		// the draft process stays hidden even now
		expect((await call('client', 'GET', `${rev(1, draftId)}/review`)).status).toBe(404);
		expect((await call('client', 'GET', `/w/${ws}/processes/${draftId}/review/1`)).status).toBe(404);
	});

	it('an approver can comment but cannot edit, submit or configure', async () => {
		const put = await fetch(`${server.url}/api/v1/w/${ws}/processes/${processId}/tracks/to_be`, {
			method: 'PUT',
			headers: { origin: server.url, cookie: people.get('client')!.cookie, 'content-type': 'application/xml' },
			body: salesFunnelXml
		});
		expect(put.status).toBe(403);
		expect((await call('client', 'POST', `${rev(1)}/submit`, {})).status).toBe(403);
		expect((await call('client', 'GET', `/w/${ws}/reviews/settings`)).status).toBe(403);
		expect((await call('client', 'GET', `/w/${ws}/processes/${processId}/edit/to_be`)).status).toBe(403);
	});

	it('comments pin to elements, thread, mention, resolve and reopen', async () => {
		const unknown = await call('client', 'POST', `${rev(1)}/comments`, { elementId: 'no_such_element', text: 'Где это?' });
		expect(unknown.status).toBe(400);
		expect(unknown.body.error.details[0].field).toBe('elementId');
		expect((await call('client', 'POST', `${rev(1)}/comments`, { text: '   ' })).status).toBe(400);

		const pinned = await call('client', 'POST', `${rev(1)}/comments`, { elementId: 'meeting_set', text: '@Антон Аналитиков, где записать место встречи?' });
		expect(pinned.status).toBe(201);
		expect(pinned.body.comment).toMatchObject({ elementId: 'meeting_set', elementName: 'Встреча назначена', elementRemoved: false, revisionNumber: 1, resolved: false });
		const mention = await db.db.select().from(notifications).where(eq(notifications.userId, people.get('analyst')!.userId));
		expect(mention.map((n) => n.text)).toEqual([expect.stringContaining('упомянул(а) вас в замечании к «Воронка продаж»')]);

		const reply = await call('analyst', 'POST', `${rev(1)}/comments`, { parentId: pinned.body.comment.id, text: 'Добавим поле «Место встречи».' });
		expect(reply.status).toBe(201);
		expect(reply.body.comment.elementId).toBe('meeting_set');
		const replied = await db.db.select().from(notifications).where(eq(notifications.userId, people.get('client')!.userId));
		expect(replied.some((n) => n.text.includes('ответил(а) на ваше замечание'))).toBe(true);

		await call('client', 'POST', `${rev(1)}/comments`, { text: 'В целом понятно' });
		const resolved = await call('client', 'POST', `${rev(1)}/comments/${pinned.body.comment.id}/resolve`);
		expect(resolved.body).toEqual({ id: pinned.body.comment.id, resolved: true });
		let threads = (await call('client', 'GET', `${rev(1)}/comments`)).body.comments;
		expect(threads.map((t: { text: string; resolved: boolean }) => [t.text, t.resolved])).toEqual([
			['В целом понятно', false],
			['@Антон Аналитиков, где записать место встречи?', true]
		]);
		expect(threads[1].replies.map((r: { text: string }) => r.text)).toEqual(['Добавим поле «Место встречи».']);
		await call('client', 'POST', `${rev(1)}/comments/${pinned.body.comment.id}/resolve`, { resolved: false });
		threads = (await call('client', 'GET', `${rev(1)}/comments`)).body.comments;
		expect(threads.every((t: { resolved: boolean }) => !t.resolved)).toBe(true);
		expect((await call('client', 'POST', `${rev(1)}/comments/nope/resolve`)).status).toBe(404);
	});

	it('returning for changes needs a comment and closes the review of that revision', async () => {
		expect((await call('client', 'POST', `${rev(1)}/request-changes`, { comment: '' })).status).toBe(400);
		const returned = await call('client', 'POST', `${rev(1)}/request-changes`, { comment: 'Нет поля «Место встречи»', elementId: 'meeting_set' });
		expect(returned.status).toBe(201);
		expect(returned.body.status).toBe('returned');
		const late = await call('client2', 'POST', `${rev(1)}/approve`, { signature: 'Вера Директорова' });
		expect(late.status).toBe(409);
		expect(late.body.error.code).toBe('not_under_review');
		const review = (await call('analyst', 'GET', `${rev(1)}/review`)).body;
		expect(review.status).toBe('returned');
		expect(review.decisions).toEqual([expect.objectContaining({ decision: 'changes_requested', name: 'Кирилл Заказчиков', commentId: returned.body.commentId })]);
	});

	it('only an approver of this workspace can approve: not a manager, not the analyst, not another company', async () => {
		await save(salesFunnelXml);
		expect((await call('analyst', 'POST', `${rev(2)}/submit`, { message: 'Добавили место встречи' })).status).toBe(201);
		expect((await call('head', 'POST', `${rev(2)}/approve`, { signature: 'Елена Руководова' })).status).toBe(403);
		expect((await call('head', 'GET', `${rev(2)}/review`)).status).toBe(403);
		expect((await call('analyst', 'POST', `${rev(2)}/approve`, { signature: 'Антон Аналитиков' })).status).toBe(403);
		expect((await call('foreignClient', 'POST', `${rev(2)}/approve`, { signature: 'Пётр Чужой' })).status).toBe(404);
		expect((await call('foreignClient', 'GET', `${rev(2)}/review`)).status).toBe(404);
		expect((await call('foreignClient', 'GET', `${rev(2)}/spec.pdf`)).status).toBe(404);
	});

	it('the approval is signed with the full name and the consent, and records who, when, the hash, IP and browser', async () => {
		const wrong = await call('client', 'POST', `${rev(2)}/approve`, { signature: 'Иван Иванов' });
		expect(wrong.status).toBe(400);
		expect(wrong.body.error.details).toEqual([{ field: 'signature', message: expect.stringContaining('фамилию и имя') }]);
		const unticked = await call('client', 'POST', `${rev(2)}/approve`, { signature: 'Кирилл Андреевич Заказчиков', consent: false });
		expect(unticked.status).toBe(400);
		expect(unticked.body.error.details[0].field).toBe('consent');

		const approved = await call('client', 'POST', `${rev(2)}/approve`, { signature: 'Кирилл Андреевич Заказчиков' });
		expect(approved.status).toBe(201);
		expect(approved.body.status).toBe('approved');
		const review = (await call('analyst', 'GET', `${rev(2)}/review`)).body;
		expect(review).toMatchObject({ status: 'approved', approved: true, lastApproved: { number: 2 }, baseline: { revisionNumber: 1, reason: 'previous' } });
		expect(review.approvals).toEqual([
			expect.objectContaining({ name: 'Кирилл Заказчиков', signature: 'Кирилл Андреевич Заказчиков', sha256: review.revision.sha256, userAgent: UA, ip: expect.stringMatching(/\d/) })
		]);
		const again = await call('client2', 'POST', `${rev(2)}/approve`, { signature: 'Вера Директорова' });
		expect(again.body.error.code).toBe('not_under_review');
		const analystNotes = await db.db.select().from(notifications).where(eq(notifications.userId, people.get('analyst')!.userId));
		expect(analystNotes.map((n) => n.text)).toContain('Кирилл Заказчиков согласовал(а) «Воронка продаж» (TO BE, версия №2)');
	});

	it('an approval cannot be edited, even in the database', async () => {
		const attempt = await db
			.write((tx) => tx.update(reviewDecisions).set({ signature: 'Подделка' }).where(eq(reviewDecisions.processId, processId)))
			.then(() => null, (error: Error) => error);
		expect(String(attempt?.cause ?? attempt)).toMatch(/immutable/);
		const rows = await db.db.select({ signature: reviewDecisions.signature }).from(reviewDecisions).where(eq(reviewDecisions.processId, processId));
		expect(rows.map((r) => r.signature)).not.toContain('Подделка');
	});

	it('the approval binds to the SHA-256: a new revision is not approved, the identical XML saved again is', async () => {
		const analyst = scope('analyst', ['analyst']);
		const approved = await save(salesFunnelXml.replace('Встреча назначена', 'Встреча согласована'));
		expect(approved.number).toBe(3);
		await expect(assertApprovedForPublish(db, analyst, processId, { number: 2, sha256: (await call('analyst', 'GET', `${rev(2)}/review`)).body.revision.sha256 })).resolves.toBeUndefined();
		const gate = assertApprovedForPublish(db, analyst, processId, approved);
		await expect(gate).rejects.toBeInstanceOf(UserError);
		await expect(gate).rejects.toMatchObject({ code: 'not_approved', status: 409 });
		const third = (await call('analyst', 'GET', `${rev(3)}/review`)).body;
		expect(third).toMatchObject({ status: 'draft', approved: false, baseline: { revisionNumber: 2, reason: 'approved' } });

		const same = await save(salesFunnelXml);
		expect(same.number).toBe(4);
		await expect(assertApprovedForPublish(db, analyst, processId, same)).resolves.toBeUndefined();
		expect((await call('analyst', 'GET', `${rev(4)}/review`)).body.approved).toBe(true);
		// the publish endpoint answers the same way
		const refused = await call('analyst', 'POST', `/api/v1/w/${ws}/processes/${processId}/publish`, { revision: 3 });
		expect(refused.status).toBe(409);
		expect(refused.body.error).toMatchObject({ code: 'not_approved', message: expect.stringContaining('версия №3 не согласована') });
		// revision 4 passes the gate and reaches publishing's own checks (this funnel starts by a message)
		const passed = await call('analyst', 'POST', `/api/v1/w/${ws}/processes/${processId}/publish`, { revision: 4 });
		expect(passed.body.error.code).toBe('publish_refused');

		const resubmitted = await call('analyst', 'POST', `${rev(4)}/submit`, {});
		expect(resubmitted.body.submission.status).toBe('approved');
		// the approval sheet of revision 4 is the approval of revision 2's identical XML
		expect((await call('client', 'GET', `${rev(4)}/review`)).body.approvals).toEqual([expect.objectContaining({ revisionNumber: 2, signature: 'Кирилл Андреевич Заказчиков' })]);
	});

	it('with «all approvers», one approval is not enough', async () => {
		const settings = await fetch(`${server.url}/w/${ws}/reviews/settings?/save`, {
			method: 'POST',
			headers: { origin: server.url, cookie: people.get('analyst')!.cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'approvalRule=all&publishOnlyApproved=on'
		});
		expect(settings.status).toBe(403);
		const saved = await fetch(`${server.url}/w/${ws}/reviews/settings?/save`, {
			method: 'POST',
			headers: { origin: server.url, cookie: people.get('owner')!.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' },
			body: 'approvalRule=all&publishOnlyApproved=on'
		});
		expect((await saved.json()).type).toBe('success');

		const fifth = await save(salesFunnelXml.replace('Сумма КП', 'Сумма коммерческого предложения'));
		await call('analyst', 'POST', `${rev(fifth.number)}/submit`, {});
		const first = await call('client', 'POST', `${rev(fifth.number)}/approve`, { signature: 'Кирилл Заказчиков' });
		expect(first.body.status).toBe('open');
		let review = (await call('analyst', 'GET', `${rev(fifth.number)}/review`)).body;
		expect(review).toMatchObject({ status: 'open', approved: false, rule: 'all' });
		await expect(assertApprovedForPublish(db, scope('analyst', ['analyst']), processId, fifth)).rejects.toMatchObject({ code: 'not_approved' });
		expect((await call('client', 'POST', `${rev(fifth.number)}/approve`, { signature: 'Кирилл Заказчиков' })).body.error.code).toBe('already_decided');

		const second = await call('client2', 'POST', `${rev(fifth.number)}/approve`, { signature: 'Вера Сергеевна Директорова' });
		expect(second.body.status).toBe('approved');
		review = (await call('analyst', 'GET', `${rev(fifth.number)}/review`)).body;
		expect(review.approved).toBe(true);
		expect(review.approvers.map((a: { decision: string }) => a.decision)).toEqual(['approved', 'approved']);
		await expect(assertApprovedForPublish(db, scope('analyst', ['analyst']), processId, fifth)).resolves.toBeUndefined();
	});

	it('the specification opens as HTML, PDF and DOCX and contains every stage, field, rule and the signature', async () => {
		const expected = await buildSpec({
			xml: salesFunnelXml,
			process: { name: 'Воронка продаж', description: 'От заявки до оплаты', entityType: 'deal' },
			revision: { track: 'to_be', number: 2, sha256: 'x', author: 'Антон Аналитиков', createdAt: new Date() },
			locale: 'ru'
		});
		expect(expected.stages.map((s) => s.name)).toEqual(['Новая заявка', 'Взят в работу', 'Встреча назначена', 'КП отправлено']);
		const html = await call('client', 'GET', `${rev(2)}/spec.html`);
		const pdf = await call('client', 'GET', `${rev(2)}/spec.pdf`);
		const docx = await call('client', 'GET', `${rev(2)}/spec.docx`);
		expect(html.headers.get('content-type')).toContain('text/html');
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(pdf.headers.get('content-disposition')).toContain("filename*=UTF-8''%D0%A2%D0%97");
		expect(docx.headers.get('content-type')).toContain('wordprocessingml');
		const texts = {
			html: normalize(htmlText(html.body as string)),
			pdf: normalize((await pdfText(pdf.body as Uint8Array)).text),
			docx: normalize(docxText(docx.body as Uint8Array))
		};
		const sha = (await call('client', 'GET', `${rev(2)}/review`)).body.revision.sha256 as string;
		for (const [format, text] of Object.entries(texts)) {
			for (const stage of expected.stages) {
				expect(text, `${format}: ${stage.name}`).toContain(stage.name);
				for (const field of stage.fields) {
					expect(text, `${format}: ${field.label}`).toContain(field.label);
					expect(text, `${format}: ${field.rule}`).toContain(normalize(field.rule));
				}
				for (const outcome of stage.outcomes) expect(text, `${format}: ${outcome.label}`).toContain(outcome.label);
			}
			expect(text, `${format}: signature`).toContain('Кирилл Андреевич Заказчиков');
			expect(text.replace(/\s/g, ''), `${format}: hash`).toContain(sha);
		}
		// the changes since revision 1 (the one returned) are not an approved baseline; AS IS was sent along
		expect(texts.pdf).toContain('Место встречи');
	});
	it('a comment whose element is gone from a later revision says so, and keeps the element’s name', async () => {
		const renamed = await save(salesFunnelXml.replaceAll('meeting_set', 'meeting_planned'));
		const threads = (await call('analyst', 'GET', `${rev(renamed.number)}/comments`)).body.comments as { elementId: string; elementName: string; elementRemoved: boolean }[];
		const onMeeting = threads.filter((t) => t.elementId === 'meeting_set');
		expect(onMeeting.length).toBeGreaterThan(0);
		expect(onMeeting.every((t) => t.elementRemoved && t.elementName === 'Встреча назначена')).toBe(true);
		// on the revision that has the element, the same threads are in place
		const before = (await call('analyst', 'GET', `${rev(2)}/comments`)).body.comments as { elementId: string; elementRemoved: boolean }[];
		expect(before.filter((t) => t.elementId === 'meeting_set').every((t) => !t.elementRemoved)).toBe(true);
	});

	it('the ТЗ of the shipped sales-funnel template names every stage, field and rule, with the picture the browser sent', async () => {
		const template = readFileSync('processes/sales-funnel.bpmn', 'utf8');
		const analyst = scope('analyst', ['analyst']);
		const id = await createProcess(db, analyst, { name: 'Продажа услуг', description: 'Шаблон воронки', entityType: 'deal' });
		await saveRevision(db, analyst, id, 'to_be', template);
		const svg = '<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" fill="#1e5ac8"/></svg>';
		const hostile = await call('analyst', 'POST', `${rev(1, id)}/submit`, { diagramSvg: '<!DOCTYPE svg [<!ENTITY x "y">]><svg/>' });
		expect(hostile.status).toBe(400);
		const submitted = await call('analyst', 'POST', `${rev(1, id)}/submit`, { diagramSvg: svg, diagramPng: makePng(40, 20).toString('base64') });
		expect(submitted.status).toBe(201);

		const expected = await buildSpec({
			xml: template,
			process: { name: 'Продажа услуг', description: '', entityType: 'deal' },
			revision: { track: 'to_be', number: 1, sha256: 'x', author: 'Антон Аналитиков', createdAt: new Date() },
			locale: 'ru'
		});
		expect(expected.problems).toEqual([]);
		expect(expected.stages.length).toBeGreaterThanOrEqual(6);
		const html = (await call('client', 'GET', `${rev(1, id)}/spec.html`)).body as string;
		const pdf = (await call('client', 'GET', `${rev(1, id)}/spec.pdf`)).body as Uint8Array;
		const docx = (await call('client', 'GET', `${rev(1, id)}/spec.docx`)).body as Uint8Array;
		expect(html).toContain('src="data:image/svg+xml;base64,');
		expect([...readZip(docx).keys()].some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
		const texts = { html: normalize(htmlText(html)), pdf: normalize((await pdfText(pdf)).text), docx: normalize(docxText(docx)) };
		for (const [format, text] of Object.entries(texts)) {
			for (const stage of expected.stages) {
				expect(text, `${format}: ${stage.name}`).toContain(stage.name);
				expect(text, `${format}: ${stage.responsible}`).toContain(normalize(stage.responsible));
				for (const field of stage.fields) {
					expect(text, `${format}: ${field.label}`).toContain(field.label);
					expect(text, `${format}: ${field.rule}`).toContain(normalize(field.rule));
				}
				for (const outcome of stage.outcomes) expect(text, `${format}: ${outcome.label}`).toContain(outcome.label);
			}
		}
	});
});
