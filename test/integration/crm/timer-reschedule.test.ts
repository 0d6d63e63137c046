import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { VirtualClock, realClock } from '$lib/engine';
import { engineRecords, engineTimers, notifications } from '$lib/server/db/schema';
import { EngineHost } from '$lib/server/engine-host/engine-host';
import { listTimeline } from '$lib/server/crm/timeline';
import { workflowHostOptions } from '$lib/server/workflow/host';
import { moveRecord, recordWorkflow } from '$lib/server/workflow/moves';
import { createRecordInPipeline } from '$lib/server/workflow/record-start';
import { createRecord } from '$lib/server/crm/records';
import { mergeRecordsInWorkflow, updateRecordInWorkflow } from '$lib/server/workflow/record-update';
import { listTasks } from '$lib/server/workflow/work-tasks';
import { setWorkflowClock } from '$lib/server/workflow/workflow-tx';
import { workflowWorkspace, type Person } from './workflow-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The sales-funnel template as shipped: «Встреча назначена» reminds an hour before `meeting_at`. */
describe('editing the meeting time of a deal moves its reminder', () => {
	const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
	let ws: Awaited<ReturnType<typeof workflowWorkspace>>;
	let anna: Person;
	beforeAll(async () => {
		setWorkflowClock(clock);
		ws = await workflowWorkspace('reschedule');
		anna = await ws.person(['employee'], 'anna');
		await ws.published('Воронка продаж', 'deal', readFileSync('processes/sales-funnel.bpmn', 'utf8'));
	});
	afterAll(() => {
		setWorkflowClock(realClock);
		ws.db.dispose();
	});

	/** A deal at «Встреча назначена» with its meeting at `meetingAt`. */
	async function dealWithMeeting(title: string, meetingAt: number) {
		const deal = await createRecordInPipeline(ws.db, anna.scope, { type: 'deal', pipeline: 'sales_funnel', title });
		await moveRecord(ws.db, anna.scope, deal.id, { stage: 'in_work' });
		await moveRecord(ws.db, anna.scope, deal.id, { stage: 'meeting_set', fields: { meeting_at: new Date(meetingAt).toISOString() } });
		expect((await recordWorkflow(ws.db, anna.scope, deal.id)).stage).toBe('meeting_set');
		return deal;
	}

	const reminderDue = async (instanceId: string) => {
		const rows = await ws.db.db
			.select({ dueAt: engineTimers.dueAt })
			.from(engineTimers)
			.where(and(eq(engineTimers.tenant, ws.workspaceId), eq(engineTimers.instanceId, instanceId), eq(engineTimers.elementId, 'meeting_reminder')));
		return rows.map((r) => new Date(r.dueAt).toISOString());
	};
	const reminders = (recordId: string) => ws.db.db.select({ text: notifications.text }).from(notifications).where(eq(notifications.recordId, recordId));

	it('moves the reminder a day later when meeting_at moves a day later: nothing at the old time, the reminder at the new one', async () => {
		const meetingAt = clock.now() + 2 * DAY + 3 * HOUR;
		const deal = await dealWithMeeting('Кухня Ивановых', meetingAt);
		expect(await reminderDue(deal.instanceId!)).toEqual([new Date(meetingAt - HOUR).toISOString()]);

		const changed = await updateRecordInWorkflow(ws.db, anna.scope, deal.id, { values: { meeting_at: new Date(meetingAt + DAY).toISOString() } });

		expect(changed).toEqual(['meeting_at']);
		expect(await reminderDue(deal.instanceId!)).toEqual([new Date(meetingAt + DAY - HOUR).toISOString()]);
		const [moved] = await ws.db.db
			.select()
			.from(engineRecords)
			.where(and(eq(engineRecords.instance, deal.instanceId!), eq(engineRecords.event, 'timer.rescheduled')));
		expect(moved).toMatchObject({ element: 'meeting_reminder', message: new Date(meetingAt + DAY - HOUR).toISOString(), actor: anna.userId });
		// the stage's task is due at the meeting (potok:task due="=record.meeting_at"): its deadline follows
		const [task] = await listTasks(ws.db, anna.scope, { recordId: deal.id });
		expect(task).toMatchObject({ title: 'Провести встречу', deadlineAt: new Date(meetingAt + DAY) });

		const host = new EngineHost(ws.db, { clock, ...workflowHostOptions(ws.db) });
		clock.set(meetingAt - HOUR);
		await host.tick();
		clock.set(meetingAt + DAY - HOUR - 1000);
		await host.tick();
		expect(await reminders(deal.id)).toEqual([]);
		clock.set(meetingAt + DAY - HOUR);
		await host.tick();
		expect(await reminders(deal.id)).toEqual([{ text: 'Через час встреча: Кухня Ивановых' }]);
		expect((await recordWorkflow(ws.db, anna.scope, deal.id)).stage).toBe('meeting_set');
	});

	it('leaves the reminder where it is when another field changes', async () => {
		const meetingAt = clock.now() + 2 * DAY;
		const deal = await dealWithMeeting('Кухня Петровых', meetingAt);

		await updateRecordInWorkflow(ws.db, anna.scope, deal.id, { values: { client_need: 'Кухня-гостиная' } });

		expect(await reminderDue(deal.instanceId!)).toEqual([new Date(meetingAt - HOUR).toISOString()]);
		const moved = await ws.db.db.select().from(engineRecords).where(and(eq(engineRecords.instance, deal.instanceId!), eq(engineRecords.event, 'timer.rescheduled')));
		expect(moved).toEqual([]);
	});

	it('reports a meeting time the reminder cannot be computed from as an incident on the card, and a new time resolves it', async () => {
		const meetingAt = clock.now() + 3 * DAY;
		const deal = await dealWithMeeting('Кухня Сидоровых', meetingAt);

		await updateRecordInWorkflow(ws.db, anna.scope, deal.id, { values: { meeting_at: null } });

		expect(await reminderDue(deal.instanceId!)).toEqual([]);
		const incident = (await listTimeline(ws.db, anna.scope, deal.id)).find((e) => e.kind === 'incident');
		expect(incident?.payload).toMatchObject({ event: 'created', element: 'meeting_reminder', name: 'За час до встречи' });
		// the stage's task is still there to work on
		expect((await recordWorkflow(ws.db, anna.scope, deal.id)).openTasks.map((t) => t.elementId)).toEqual(['meeting_set']);

		await updateRecordInWorkflow(ws.db, anna.scope, deal.id, { values: { meeting_at: new Date(meetingAt + HOUR).toISOString() } });

		expect(await reminderDue(deal.instanceId!)).toEqual([new Date(meetingAt).toISOString()]);
		const resolved = (await listTimeline(ws.db, anna.scope, deal.id)).find((e) => e.kind === 'incident' && e.payload.event === 'resolved');
		expect(resolved?.payload).toMatchObject({ element: 'meeting_reminder' });
	});

	it('moves the reminder when a duplicate merged into the deal brings its meeting time', async () => {
		const meetingAt = clock.now() + 4 * DAY;
		const deal = await dealWithMeeting('Кухня Орловых', meetingAt);
		const duplicate = await createRecord(ws.db, anna.scope, { type: 'deal', title: 'Орловы, кухня (из почты)', values: { meeting_at: new Date(meetingAt + 2 * HOUR).toISOString() } });

		await mergeRecordsInWorkflow(ws.db, anna.scope, deal.id, { from: [duplicate.id], values: { meeting_at: duplicate.id } });

		expect(await reminderDue(deal.instanceId!)).toEqual([new Date(meetingAt + HOUR).toISOString()]);
	});
});
