import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRecord } from '$lib/server/crm/records';
import { listRecords } from '$lib/server/crm/record-list';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { moveRecord, recordWorkflow } from '$lib/server/workflow/moves';
import { completeTaskAsPerson, createTaskAsPerson, listTasks } from '$lib/server/workflow/work-tasks';
import { eq } from 'drizzle-orm';
import { memberships } from '$lib/server/db/schema';
import { updateRecord } from '$lib/server/crm/records';
import { addTaskComment, listTaskComments } from '$lib/server/workflow/task-comments';
import { DEAL_FLOW, bpmn, workflowWorkspace, type Person } from './workflow-fixtures';

const INSTALL = `
    <startEvent id="start" name="Старт" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="mount" />
    <userTask id="mount" name="Смонтировать"><extensionElements><potok:stage key="install" label="Монтаж" /></extensionElements></userTask>
    <sequenceFlow id="f2" sourceRef="mount" targetRef="done" />
    <endEvent id="done" name="Смонтировано"><extensionElements><potok:outcome status="won" /></extensionElements></endEvent>`;

const TWO_STAGES = `
    <startEvent id="start" name="Старт" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="first" />
    <userTask id="first" name="Первая"><extensionElements><potok:stage key="first" /></extensionElements></userTask>
    <sequenceFlow id="f2" sourceRef="first" targetRef="second" />
    <userTask id="second" name="Вторая"><extensionElements><potok:stage key="second" /></extensionElements></userTask>
    <sequenceFlow id="f3" sourceRef="second" targetRef="done" />
    <endEvent id="done" name="Готово" />`;

describe('who sees and moves what', () => {
	/** Makes Boris an observer of a record. */
	const observedByBoris = (by: Person, id: string) => updateRecord(ws.db, by.scope, id, { observerIds: [boris.userId] });
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let head: Person;
	let anna: Person;
	let boris: Person;
	let annas: string;
	let boriss: string;
	beforeAll(async () => {
		ws = await workflowWorkspace('roles');
		head = await ws.person(['manager'], 'head');
		anna = await ws.person(['employee'], 'anna');
		boris = await ws.person(['employee'], 'boris');
		await ws.group('Продажи', [anna]);
		await ws.published('Продажа', 'deal', await bpmn('sale', DEAL_FLOW));
		await ws.published('Монтаж', 'deal', await bpmn('install', INSTALL));
		annas = (await createRecordInPipeline(ws.db, anna.scope, { type: 'deal', title: 'Сделка Анны' })).id;
		boriss = (await createRecordInPipeline(ws.db, boris.scope, { type: 'deal', title: 'Сделка Бориса' })).id;
	});
	afterAll(() => ws.db.dispose());

	it('an employee sees only their own records and tasks; the manager sees everyone’s', async () => {
		// the first stage is round-robin in «Продажи», where only Anna is: Boris's deal went to her
		expect((await getRecord(ws.db, head.scope, boriss)).responsibleId).toBe(anna.userId);
		const own = await createRecordInPipeline(ws.db, head.scope, { type: 'deal', pipeline: 'install', title: 'Сделка руководителя' });
		await expect(getRecord(ws.db, anna.scope, own.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(recordWorkflow(ws.db, boris.scope, annas)).rejects.toMatchObject({ code: 'not_found' });
		const seenByAnna = (await listRecords(ws.db, anna.scope, { type: 'deal' })).items.map((r) => r.id);
		expect(seenByAnna).toEqual(expect.arrayContaining([annas, boriss]));
		expect(seenByAnna).not.toContain(own.id);
		expect((await listRecords(ws.db, head.scope, { type: 'deal' })).items.map((r) => r.id)).toEqual(expect.arrayContaining([annas, boriss, own.id]));

		expect((await listTasks(ws.db, boris.scope)).length).toBe(0);
		expect((await listTasks(ws.db, anna.scope)).every((t) => t.responsibleId === anna.userId)).toBe(true);
		await expect(listTasks(ws.db, boris.scope, { assignee: anna.userId })).rejects.toMatchObject({ code: 'forbidden' });
		expect((await listTasks(ws.db, head.scope, { assignee: 'all' })).length).toBeGreaterThanOrEqual(3);
		expect((await listTasks(ws.db, head.scope, { assignee: anna.userId })).every((t) => t.responsibleId === anna.userId)).toBe(true);
	});

	it('an employee moves only their own records; the manager moves any', async () => {
		const own = await createRecordInPipeline(ws.db, head.scope, { type: 'deal', pipeline: 'install', title: 'Ещё сделка руководителя' });
		await expect(moveRecord(ws.db, boris.scope, own.id, { stage: 'won' })).rejects.toMatchObject({ code: 'not_found' });
		// an observer sees the record but does not move it
		await observedByBoris(head, own.id);
		await expect(moveRecord(ws.db, boris.scope, own.id, { stage: 'won' })).rejects.toMatchObject({ code: 'forbidden' });
		await moveRecord(ws.db, head.scope, own.id, { stage: 'won' });
		await moveRecord(ws.db, anna.scope, annas, { stage: 'meeting', fields: { meeting_at: '2026-04-01T09:00:00Z' } });
		await moveRecord(ws.db, head.scope, boriss, { stage: 'lost', fields: { loss_reason: 'Передумал' } });
		expect((await getRecord(ws.db, head.scope, boriss)).status).toBe('lost');
	});

	it('a stage task whose assignee has left the workspace stays unassigned, and the record still moves', async () => {
		await ws.published('Две стадии', 'deal', await bpmn('two', TWO_STAGES));
		const dora = await ws.person(['employee'], 'dora');
		const deal = await createRecordInPipeline(ws.db, head.scope, { type: 'deal', pipeline: 'two', title: 'Сделка Доры', responsibleId: dora.userId });
		await ws.db.write((tx) => tx.delete(memberships).where(eq(memberships.id, dora.membershipId)));
		const moved = await moveRecord(ws.db, head.scope, deal.id, { stage: 'second' });
		expect(moved.stage).toBe('second');
		const [task] = await listTasks(ws.db, head.scope, { assignee: 'all', recordId: deal.id, status: 'open' });
		expect(task).toMatchObject({ title: 'Вторая', responsibleId: null });
	});

	it('tasks by hand: the responsible completes them, observers only watch, overdue ones are flagged', async () => {
		const task = await createTaskAsPerson(ws.db, head.scope, {
			title: 'Проверить договор',
			responsibleId: anna.userId,
			observerIds: [boris.userId],
			deadline: new Date(Date.now() - 3600_000),
			resultRequired: true,
			recordIds: [annas]
		});
		expect(task).toMatchObject({ overdue: true, resultRequired: true, records: [{ id: annas }] });
		expect((await listTasks(ws.db, anna.scope, { overdue: true })).map((t) => t.id)).toContain(task.id);
		expect((await listTasks(ws.db, head.scope, { assignee: 'all', pipeline: 'sale' })).map((t) => t.id)).toContain(task.id);
		await expect(completeTaskAsPerson(ws.db, boris.scope, task.id, { result: 'Я посмотрел' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(completeTaskAsPerson(ws.db, anna.scope, task.id, {})).rejects.toMatchObject({ code: 'result_required' });
		await addTaskComment(ws.db, boris.scope, task.id, { body: 'Посмотрите пункт 4' });
		await expect(addTaskComment(ws.db, boris.scope, task.id, { body: 'Готово', isResult: true })).rejects.toMatchObject({ code: 'forbidden' });
		await addTaskComment(ws.db, anna.scope, task.id, { body: 'Договор проверен, замечаний нет', isResult: true });
		const done = await completeTaskAsPerson(ws.db, anna.scope, task.id, {});
		expect(done).toMatchObject({ status: 'completed', overdue: false });
		expect((await listTaskComments(ws.db, head.scope, task.id)).map((c) => [c.body, c.isResult])).toEqual([
			['Посмотрите пункт 4', false],
			['Договор проверен, замечаний нет', true]
		]);
	});
});
