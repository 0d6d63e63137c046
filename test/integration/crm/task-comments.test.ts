import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskPage } from '$lib/server/crm/views/task-page';
import { addTaskComment } from '$lib/server/workflow/task-comments';
import { completeTaskAsPerson, createTaskAsPerson } from '$lib/server/workflow/work-tasks';
import { workflowWorkspace, type Person } from './workflow-fixtures';

/** «Мои задачи» with comments: everyone on a task reads and writes them; observers do nothing else. */
describe('task comments on the tasks page', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let anna: Person;
	let boris: Person;
	let head: Person;
	beforeAll(async () => {
		ws = await workflowWorkspace('task-comments');
		anna = await ws.person(['employee'], 'anna');
		boris = await ws.person(['employee'], 'boris');
		head = await ws.person(['manager'], 'head');
	});
	afterAll(() => ws.db.dispose());

	const shown = async (person: Person, filter: Parameters<typeof taskPage>[2], id: string) => (await taskPage(ws.db, person.scope, filter)).tasks.find((t) => t.id === id);

	it('shows an observer the tasks they watch, with the comments and no way to complete them', async () => {
		const task = await createTaskAsPerson(ws.db, head.scope, { title: 'Проверить договор', responsibleId: anna.userId, observerIds: [boris.userId] });

		expect(await shown(boris, {}, task.id)).toBeUndefined();
		const watched = await shown(boris, { view: 'watching' }, task.id);
		expect(watched).toMatchObject({ title: 'Проверить договор', canComplete: false, canMarkResult: false, comments: [] });
		expect((await taskPage(ws.db, boris.scope, { view: 'watching' })).view).toBe('watching');
		expect(await shown(anna, { view: 'watching' }, task.id)).toBeUndefined();
	});

	it('lists the comments oldest first to everyone on the task; only the executor marks one as the result', async () => {
		const task = await createTaskAsPerson(ws.db, head.scope, { title: 'Согласовать замер', responsibleId: anna.userId, observerIds: [boris.userId], resultRequired: true });
		const other = await createTaskAsPerson(ws.db, head.scope, { title: 'Другая задача', responsibleId: anna.userId });

		await addTaskComment(ws.db, boris.scope, task.id, { body: 'Клиент просил после 18:00' });
		await expect(addTaskComment(ws.db, boris.scope, task.id, { body: 'Готово', isResult: true })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(addTaskComment(ws.db, boris.scope, task.id, { body: '   ' })).rejects.toMatchObject({ issues: [{ path: ['body'] }] });
		await addTaskComment(ws.db, anna.scope, task.id, { body: 'Замер в четверг в 19:00', isResult: true });

		const annas = await shown(anna, {}, task.id);
		expect(annas).toMatchObject({ canComplete: true, canMarkResult: true });
		expect(annas!.comments.map((c) => [c.body, c.isResult])).toEqual([
			['Клиент просил после 18:00', false],
			['Замер в четверг в 19:00', true]
		]);
		expect(annas!.comments[0]!.authorName).toBeTruthy();
		expect((await shown(anna, {}, other.id))!.comments).toEqual([]);
		expect((await shown(head, { view: 'team' }, task.id))!.comments).toHaveLength(2);
		expect(await shown(head, { view: 'team' }, task.id)).toMatchObject({ canComplete: true, canMarkResult: false });
	});

	it('keeps the comments of a completed task readable, and a closed task takes no result any more', async () => {
		const task = await createTaskAsPerson(ws.db, head.scope, { title: 'Позвонить клиенту', responsibleId: anna.userId, observerIds: [boris.userId] });
		await addTaskComment(ws.db, boris.scope, task.id, { body: 'Номер в карточке' });
		await expect(completeTaskAsPerson(ws.db, boris.scope, task.id, {})).rejects.toMatchObject({ code: 'forbidden' });
		await completeTaskAsPerson(ws.db, anna.scope, task.id, { result: 'Дозвонился' });

		const done = await shown(boris, { view: 'watching', done: '1' }, task.id);
		expect(done).toMatchObject({ status: 'completed', canComplete: false });
		expect(done!.comments.map((c) => [c.body, c.isResult])).toEqual([
			['Номер в карточке', false],
			['Дозвонился', true]
		]);
		await expect(addTaskComment(ws.db, anna.scope, task.id, { body: 'Ещё итог', isResult: true })).rejects.toMatchObject({ code: 'task_closed' });
		await addTaskComment(ws.db, boris.scope, task.id, { body: 'Спасибо!' });
		expect((await shown(anna, { done: '1' }, task.id))!.comments).toHaveLength(3);
	});
});
