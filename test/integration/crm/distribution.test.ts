import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '$lib/server/db/connect';
import { listTimeline } from '$lib/server/crm/timeline';
import { getRecord } from '$lib/server/crm/records';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { listTasks } from '$lib/server/workflow/work-tasks';
import { bpmn, workflowWorkspace, type Person } from './workflow-fixtures';

/** A lead pipeline whose first stage is assigned by `assignment` (an XML attribute list). */
const LEADS = (assignment: string, lane = '') => `
    ${lane}
    <startEvent id="start" name="Лид поступил" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
    <userTask id="qualify" name="Квалифицировать лид">
      <extensionElements>
        <potok:stage key="new" label="Новый лид" />
        ${assignment ? `<potok:assignment ${assignment} />` : ''}
      </extensionElements>
    </userTask>
    <sequenceFlow id="f2" sourceRef="qualify" targetRef="done" />
    <endEvent id="done" name="Квалифицирован"><extensionElements><potok:outcome status="converted" /></extensionElements></endEvent>`;

const count = (ids: (string | null)[]) => {
	const out = new Map<string | null, number>();
	for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
	return out;
};

describe('lead distribution through the pipeline', () => {
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let head: Person;
	let sales: Person[];
	beforeAll(async () => {
		ws = await workflowWorkspace('distribution');
		head = await ws.person(['manager'], 'head');
		sales = [await ws.person(['employee'], 'a'), await ws.person(['employee'], 'b'), await ws.person(['employee'], 'c')];
		await ws.group('Отдел продаж', sales);
		await ws.published('Лиды', 'lead', await bpmn('leads', LEADS('type="round-robin" group="Отдел продаж"')));
	});
	afterAll(() => ws.db.dispose());

	const lead = (title: string) => createRecordInPipeline(ws.db, head.scope, { type: 'lead', title, responsibleId: null });

	it('round-robin stays fair over 1,000 leads and a restart, and the choice is in the timeline', async () => {
		const owners: (string | null)[] = [];
		for (let i = 0; i < 600; i++) owners.push((await getRecord(ws.db, head.scope, (await lead(`Лид ${i}`)).id)).responsibleId);
		// a restart: a new connection, nothing kept in memory
		const again = await connect(`file:${ws.db.path}`);
		try {
			for (let i = 600; i < 1000; i++) owners.push((await getRecord(again, head.scope, (await createRecordInPipeline(again, head.scope, { type: 'lead', title: `Лид ${i}`, responsibleId: null })).id)).responsibleId);
		} finally {
			again.close();
		}
		const counts = count(owners);
		expect([...counts.keys()].sort()).toEqual(sales.map((s) => s.userId).sort());
		for (const n of counts.values()) expect(Math.abs(n - 1000 / 3)).toBeLessThanOrEqual(1);
		// strictly in turn: no one gets two in a row
		for (let i = 1; i < owners.length; i++) expect(owners[i]).not.toBe(owners[i - 1]);
		const [first] = await listTasks(ws.db, head.scope, { assignee: 'all', limit: 1 });
		const timeline = await listTimeline(ws.db, head.scope, first!.records[0]!.id);
		expect(timeline.find((e) => e.kind === 'assigned')?.payload).toMatchObject({ rule: 'round-robin', groupName: 'Отдел продаж', declared: 'round-robin' });
	}, 240_000);

	it('an absent member gets nothing until they are back', async () => {
		await ws.setAbsent(sales[1]!, true);
		const owners: (string | null)[] = [];
		for (let i = 0; i < 30; i++) owners.push((await getRecord(ws.db, head.scope, (await lead(`Пока нет Б ${i}`)).id)).responsibleId);
		expect(owners).not.toContain(sales[1]!.userId);
		expect(count(owners).get(sales[0]!.userId)).toBe(15);
		await ws.setAbsent(sales[1]!, false);
		const back = (await getRecord(ws.db, head.scope, (await lead('Б вернулся')).id)).responsibleId;
		expect(back).toBe(sales[1]!.userId);
	});

	it('least-loaded gives the task to whoever has the fewest open tasks', async () => {
		await ws.published('Лиды по загрузке', 'lead', await bpmn('leads_load', LEADS('type="least-loaded" group="Отдел продаж"')));
		const before = await Promise.all(sales.map(async (s) => (await listTasks(ws.db, s.scope, { limit: 200 })).length));
		const created = await createRecordInPipeline(ws.db, head.scope, { type: 'lead', pipeline: 'leads_load', title: 'По загрузке', responsibleId: null });
		const owner = (await getRecord(ws.db, head.scope, created.id)).responsibleId;
		const least = Math.min(...before);
		expect(before[sales.findIndex((s) => s.userId === owner)]).toBe(least);
	});

	it('a fixed user, an expression and a lane’s default assignment', async () => {
		await ws.published('Лиды руководителю', 'lead', await bpmn('leads_head', LEADS(`type="user" user="head-distribution@example.com"`)));
		const toHead = await createRecordInPipeline(ws.db, head.scope, { type: 'lead', pipeline: 'leads_head', title: 'Руководителю', responsibleId: sales[0]!.userId });
		const [task] = await listTasks(ws.db, head.scope, { assignee: 'all', recordId: toHead.id });
		expect(task!.responsibleId).toBe(head.userId);
		// the task's assignee may open the card (an observer), the record keeps its responsible
		expect((await getRecord(ws.db, head.scope, toHead.id)).responsibleId).toBe(sales[0]!.userId);

		await ws.published('Лиды по выражению', 'lead', await bpmn('leads_expr', LEADS(`type="expression" expression="=if record.title = &quot;VIP&quot; then &quot;head-distribution@example.com&quot; else record.responsible"`)));
		const vip = await createRecordInPipeline(ws.db, head.scope, { type: 'lead', pipeline: 'leads_expr', title: 'VIP', responsibleId: sales[2]!.userId });
		const plain = await createRecordInPipeline(ws.db, head.scope, { type: 'lead', pipeline: 'leads_expr', title: 'Обычный', responsibleId: sales[2]!.userId });
		expect((await listTasks(ws.db, head.scope, { assignee: 'all', recordId: vip.id }))[0]!.responsibleId).toBe(head.userId);
		expect((await listTasks(ws.db, head.scope, { assignee: 'all', recordId: plain.id }))[0]!.responsibleId).toBe(sales[2]!.userId);

		const lane = `<laneSet id="lanes"><lane id="lane_head" name="Руководитель"><extensionElements><potok:assignment type="user" user="head-distribution@example.com" /></extensionElements><flowNodeRef>qualify</flowNodeRef></lane></laneSet>`;
		await ws.published('Лиды по дорожке', 'lead', await bpmn('leads_lane', LEADS('', lane)));
		const laned = await createRecordInPipeline(ws.db, head.scope, { type: 'lead', pipeline: 'leads_lane', title: 'По дорожке', responsibleId: sales[0]!.userId });
		expect((await listTasks(ws.db, head.scope, { assignee: 'all', recordId: laned.id }))[0]!.responsibleId).toBe(head.userId);
	});
});
