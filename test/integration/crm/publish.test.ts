import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { crmFields } from '$lib/server/db/schema';
import { listFields } from '$lib/server/crm/fields';
import { getRecord } from '$lib/server/crm/records';
import { listPipelines } from '$lib/server/workflow/pipelines';
import { publishProcess } from '$lib/server/workflow/publish';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { moveRecord, recordWorkflow } from '$lib/server/workflow/moves';
import { completeTaskAsPerson, listTasks } from '$lib/server/workflow/work-tasks';
import { DEAL_FLOW, bpmn, workflowWorkspace } from './workflow-fixtures';

const START = `<startEvent id="start" name="Старт" /><sequenceFlow id="f0" sourceRef="start" targetRef="work" />`;
const END = `<sequenceFlow id="f9" sourceRef="work" targetRef="done" /><endEvent id="done" name="Готово" />`;

describe('publishing a process', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	beforeAll(async () => {
		ws = await workflowWorkspace('publish');
		await ws.group('Продажи', [await ws.person(['employee'])]);
	});
	afterAll(() => ws.db.dispose());

	const refusal = async (xml: string, entityType = 'deal') => {
		const id = await ws.processOf(`Процесс ${Math.random()}`, entityType, xml);
		return publishProcess(ws.db, ws.owner.scope, id).then(
			() => {
				throw new Error('Expected the publish to be refused, but it was published');
			},
			(e) => e
		);
	};

	it('is refused while lint finds errors, naming the elements', async () => {
		const error = await refusal(await bpmn('no_end', `<startEvent id="start" name="Старт" /><sequenceFlow id="f0" sourceRef="start" targetRef="work" /><userTask id="work" name="Работа" />`));
		expect(error.code).toBe('publish_refused');
		expect(error.details.map((d: { field: string }) => d.field)).toContain('work');
	});

	it('is refused when the runtime cannot run an element, naming it', async () => {
		const error = await refusal(
			await bpmn('complex', `${START}<userTask id="work" name="Работа" /><sequenceFlow id="f1" sourceRef="work" targetRef="mi" /><task id="mi" name="Много раз"><multiInstanceLoopCharacteristics /></task><sequenceFlow id="f2" sourceRef="mi" targetRef="done" /><endEvent id="done" name="Готово" />`)
		);
		expect(error.code).toBe('publish_refused');
		expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'mi', message: expect.stringContaining('Много раз') })]));
	});

	it('is refused when a robot misses an input, or its channel is not connected', async () => {
		const error = await refusal(
			await bpmn(
				'robots',
				`${START}<serviceTask id="work" name="Поставить задачу"><extensionElements><potok:robot type="create-task" /></extensionElements></serviceTask><sequenceFlow id="f1" sourceRef="work" targetRef="tell" />
				<sendTask id="tell" name="Написать в Telegram"><extensionElements><potok:robot type="send-message"><potok:input name="channel" value="telegram" /><potok:input name="text" value="Привет" /></potok:robot></extensionElements></sendTask>
				<sequenceFlow id="f2" sourceRef="tell" targetRef="done" /><endEvent id="done" name="Готово" />`
			)
		);
		expect(error.code).toBe('publish_refused');
		expect(error.details).toEqual([
			{ field: 'work', message: '«Поставить задачу» missing_input:title' },
			{ field: 'tell', message: '«Написать в Telegram» channel_unavailable:telegram' }
		]);
	});

	it('is refused when a stage declares a field with another type than the card has, naming field and element', async () => {
		const error = await refusal(
			await bpmn('conflict', `${START}<userTask id="work" name="Работа"><extensionElements><potok:stage key="work" /><potok:fields><potok:field key="amount" label="Сумма" type="number" /></potok:fields></extensionElements></userTask>${END}`)
		);
		expect(error.code).toBe('field_conflict');
		expect(error.params).toMatchObject({ field: 'amount', element: 'work', existing: 'money', declared: 'number' });
		expect((await listFields(ws.db, ws.owner.scope, 'deal')).find((f) => f.key === 'amount')?.type).toBe('money');
	});

	it('merges the stages’ fields into the entity type and creates a custom type for a new one', async () => {
		const published = await ws.published('Увольнение', 'Увольнение сотрудника', await bpmn('leave', `${START}<userTask id="work" name="Обходной лист"><extensionElements><potok:stage key="checklist" label="Обходной лист" /><potok:fields><potok:field key="last_day" label="Последний день" type="date" /><potok:field key="reason" label="Причина" type="enum" options="Сам,По соглашению" /></potok:fields></extensionElements></userTask>${END}`));
		expect(published.pipeline.entityType).not.toBe('deal');
		expect(published.fieldsAdded).toEqual(['last_day', 'reason']);
		const fields = await ws.db.db.select().from(crmFields).where(eq(crmFields.key, 'reason'));
		expect(fields[0]?.options.map((o) => o.key)).toEqual(['Сам', 'По соглашению']);
	});

	it('keeps several pipelines per type, and a newer version takes new records while running ones stay on theirs', async () => {
		const first = await ws.published('Продажа кухни', 'deal', await bpmn('kitchen', DEAL_FLOW));
		await ws.published('Монтаж', 'deal', await bpmn('install', `${START}<userTask id="work" name="Смонтировать"><extensionElements><potok:stage key="install" label="Монтаж" /></extensionElements></userTask>${END}`));
		expect((await listPipelines(ws.db, ws.owner.scope, 'deal')).map((p) => p.key)).toEqual(['kitchen', 'install']);

		const old = await createRecordInPipeline(ws.db, ws.owner.scope, { type: 'deal', pipeline: 'kitchen', title: 'Старая сделка' });
		// version 2: a measurement stage before the meeting
		const v2 = DEAL_FLOW.replace(
			'<sequenceFlow id="f1" sourceRef="start" targetRef="new_deal" />',
			'<sequenceFlow id="f1" sourceRef="start" targetRef="measure" /><userTask id="measure" name="Замер"><extensionElements><potok:stage key="measure" label="Замер" /></extensionElements></userTask><sequenceFlow id="f1b" sourceRef="measure" targetRef="new_deal" />'
		);
		await ws.saveToBe(first.processId, await bpmn('kitchen', v2));
		const second = await publishProcess(ws.db, ws.owner.scope, first.processId);
		expect(second).toMatchObject({ version: 2, created: true, pipeline: { key: 'kitchen' } });
		expect(second.stages.map((s) => s.key)).toEqual(['measure', 'new', 'meeting']);
		expect(await publishProcess(ws.db, ws.owner.scope, first.processId)).toMatchObject({ version: 2, created: false });

		const fresh = await createRecordInPipeline(ws.db, ws.owner.scope, { type: 'deal', pipeline: 'kitchen', title: 'Новая сделка' });
		expect((await getRecord(ws.db, ws.owner.scope, fresh.id)).stage).toBe('measure');
		expect((await getRecord(ws.db, ws.owner.scope, old.id)).stage).toBe('new');
		const moved = await moveRecord(ws.db, ws.owner.scope, old.id, { stage: 'lost', fields: { loss_reason: 'Дорого' } });
		expect(moved.status).toBe('lost');
		expect((await recordWorkflow(ws.db, ws.owner.scope, fresh.id)).allowedMoves.map((m) => m.stage)).toEqual(['new']);
	});

	it('resolves call activities to published pipelines; the called process works on the same record', async () => {
		const unknown = await refusal(await bpmn('caller0', `${START.replace('targetRef="work"', 'targetRef="call"')}<callActivity id="call" name="Проверка" calledElement="nowhere" /><sequenceFlow id="f1" sourceRef="call" targetRef="done" /><endEvent id="done" name="Готово" />`));
		expect(unknown.details).toEqual([{ field: 'call', message: '«Проверка» unknown_pipeline:nowhere' }]);
		await ws.published('Проверка договора', 'deal', await bpmn('check', `${START}<userTask id="work" name="Проверить договор" />${END}`));
		await ws.published('С проверкой', 'deal', await bpmn('caller', `${START.replace('targetRef="work"', 'targetRef="call"')}<callActivity id="call" name="Проверка" calledElement="check" /><sequenceFlow id="f1" sourceRef="call" targetRef="work" /><userTask id="work" name="После проверки"><extensionElements><potok:stage key="after" /></extensionElements></userTask>${END}`));
		const deal = await createRecordInPipeline(ws.db, ws.owner.scope, { type: 'deal', pipeline: 'caller', title: 'С проверкой' });
		const [task] = await listTasks(ws.db, ws.owner.scope, { assignee: 'all', recordId: deal.id });
		expect(task).toMatchObject({ title: 'Проверить договор', stage: null });
		expect((await getRecord(ws.db, ws.owner.scope, deal.id)).instanceId).toBe(deal.instanceId);
		await completeTaskAsPerson(ws.db, ws.owner.scope, task!.id, {});
		expect((await getRecord(ws.db, ws.owner.scope, deal.id)).stage).toBe('after');
	});

	it('is for owners and analysts only', async () => {
		const id = await ws.processOf('Ещё процесс', 'deal', await bpmn('other', DEAL_FLOW));
		const employee = await ws.person(['employee']);
		await expect(publishProcess(ws.db, employee.scope, id)).rejects.toMatchObject({ code: 'forbidden' });
	});
});
