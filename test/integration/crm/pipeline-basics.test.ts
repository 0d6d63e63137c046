import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTimeline } from '$lib/server/crm/timeline';
import { getRecord } from '$lib/server/crm/records';
import { listPipelines } from '$lib/server/workflow/pipelines';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { moveRecord, recordWorkflow } from '$lib/server/workflow/moves';
import { completeTaskAsPerson, listTasks } from '$lib/server/workflow/work-tasks';
import { DEAL_FLOW, bpmn, workflowWorkspace, type Person } from './workflow-fixtures';

describe('a published deal pipeline drives its records', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let manager: Person;
	let anna: Person;
	let boris: Person;
	beforeAll(async () => {
		ws = await workflowWorkspace('pipeline-basics');
		manager = await ws.person(['manager'], 'head');
		anna = await ws.person(['employee'], 'anna');
		boris = await ws.person(['employee'], 'boris');
		await ws.group('Продажи', [anna, boris]);
		await ws.published('Продажа кухни', 'deal', await bpmn('kitchen', DEAL_FLOW));
	});
	afterAll(() => ws.db.dispose());

	it('publishing makes a pipeline of the stages in order with its final statuses', async () => {
		const [pipeline] = await listPipelines(ws.db, ws.owner.scope, 'deal');
		expect(pipeline).toMatchObject({ key: 'kitchen', name: 'Продажа кухни', entityType: 'deal', version: 1 });
		expect(pipeline!.stages.map((s) => s.key)).toEqual(['new', 'meeting']);
		expect(pipeline!.finalStatuses.map((s) => s.status)).toEqual(['won', 'lost', 'lost']);
		expect(pipeline!.lossReasons).toEqual(['Дорого', 'Передумал']);
	});

	it('a deal created in the pipeline starts at its first stage with a task for the next member in turn', async () => {
		const created = await createRecordInPipeline(ws.db, manager.scope, { type: 'deal', title: 'Кухня Ивановым', responsibleId: null });
		expect(created.pipeline).toBe('kitchen');
		expect(created.instanceId).toBeTruthy();
		const record = await getRecord(ws.db, manager.scope, created.id);
		expect(record).toMatchObject({ pipeline: 'kitchen', stage: 'new', status: 'open', instanceId: created.instanceId });
		expect([anna.userId, boris.userId]).toContain(record.responsibleId);
		const tasks = await listTasks(ws.db, manager.scope, { assignee: 'all', recordId: created.id });
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({ title: 'Новая сделка', responsibleId: record.responsibleId, stage: { key: 'new', label: 'Новая' } });
		expect(tasks[0]!.deadlineAt).not.toBeNull();
		expect(tasks[0]!.outcomes.map((o) => o.key)).toEqual(['meeting', 'lost']);
		const kinds = (await listTimeline(ws.db, manager.scope, created.id)).map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(['created', 'stage_changed', 'task', 'assigned']));
	});

	it('allowed moves come from the diagram, with the fields each outcome requires', async () => {
		const created = await createRecordInPipeline(ws.db, manager.scope, { type: 'deal', title: 'Кухня Петровым' });
		const flow = await recordWorkflow(ws.db, manager.scope, created.id);
		expect(flow.allowedMoves).toEqual([
			{ stage: 'meeting', outcome: 'meeting', missingFields: ['meeting_at'] },
			{ stage: 'lost', outcome: 'lost', missingFields: ['loss_reason'] }
		]);
	});

	it('a move is refused until its required field is filled, then the record moves and a robot writes the log', async () => {
		const created = await createRecordInPipeline(ws.db, manager.scope, { type: 'deal', title: 'Кухня Сидоровым' });
		await expect(moveRecord(ws.db, manager.scope, created.id, { stage: 'meeting' })).rejects.toMatchObject({ code: 'required_fields_missing', details: [{ field: 'meeting_at' }] });
		expect((await getRecord(ws.db, manager.scope, created.id)).stage).toBe('new');
		await expect(moveRecord(ws.db, manager.scope, created.id, { stage: 'won' })).rejects.toMatchObject({ code: 'move_not_allowed' });
		const moved = await moveRecord(ws.db, manager.scope, created.id, { stage: 'meeting', fields: { meeting_at: '2026-03-01T10:00:00+03:00' } });
		expect(moved.stage).toBe('meeting');
		expect(moved.allowedMoves.map((m) => m.stage)).toEqual(['won', 'lost']);
		const timeline = await listTimeline(ws.db, manager.scope, created.id);
		expect(timeline.find((e) => e.kind === 'log')?.payload.text).toContain('Встреча');
	});

	it('a stage task with result required is completed with an outcome and a result, and the deal is won', async () => {
		const created = await createRecordInPipeline(ws.db, manager.scope, { type: 'deal', title: 'Кухня Смирновым' });
		await moveRecord(ws.db, manager.scope, created.id, { stage: 'meeting', fields: { meeting_at: '2026-03-01T10:00:00+03:00' } });
		const [task] = await listTasks(ws.db, manager.scope, { assignee: 'all', recordId: created.id, status: 'open' });
		const assignee = [anna, boris].find((p) => p.userId === task!.responsibleId) ?? manager;
		await expect(completeTaskAsPerson(ws.db, assignee.scope, task!.id, { outcome: 'won' })).rejects.toMatchObject({ code: 'result_required' });
		const done = await completeTaskAsPerson(ws.db, assignee.scope, task!.id, { outcome: 'won', result: 'Договор подписан' });
		expect(done.status).toBe('completed');
		await expect(completeTaskAsPerson(ws.db, assignee.scope, task!.id, { outcome: 'won', result: 'ещё раз' })).rejects.toMatchObject({ code: 'task_closed' });
		const record = await getRecord(ws.db, manager.scope, created.id);
		expect(record.status).toBe('won');
		expect((await recordWorkflow(ws.db, manager.scope, created.id)).allowedMoves).toEqual([]);
	});
});
