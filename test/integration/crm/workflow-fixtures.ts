import { eq } from 'drizzle-orm';
import type { Role } from '$lib/roles';
import type { WorkspaceScope } from '$lib/server/access/scope';
import type { Database } from '$lib/server/db';
import { memberships } from '$lib/server/db/schema';
import { createProcess } from '$lib/server/processes/processes';
import { saveRevision } from '$lib/server/processes/revisions';
import { createGroup } from '$lib/server/workspaces/groups';
import { setMemberGroups } from '$lib/server/workspaces/members';
import { publishProcess } from '$lib/server/workflow/publish';
import { addMember, makeWorkspace, scopeOf } from '../../helpers/fixtures';
import { tempDatabase } from '../../helpers/temp-db';
import { withLayout } from '../../helpers/bpmn-layout';
import { updateReviewSettings } from '$lib/server/review/settings';

export type TestDb = Awaited<ReturnType<typeof tempDatabase>>;

export interface Person {
	userId: string;
	membershipId: string;
	scope: WorkspaceScope;
}

/** A BPMN document around a process body, with the potok namespace and a layout added. */
export function bpmn(id: string, body: string): Promise<string> {
	return withLayout(`<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="defs_${id}" targetNamespace="https://potok.dev/test">
  <process id="${id}" name="${id}" isExecutable="true">
${body}
  </process>
</definitions>`);
}

/** A real libsql file (a new one, or the server's) with a workspace, its owner, and helpers to add people, groups and published processes. */
export async function workflowWorkspace(label: string, database?: Database) {
	const db = database ? Object.assign(database, { path: '', dispose: () => database.close() }) : await tempDatabase(label);
	const { workspaceId, ownerId } = await makeWorkspace(db, `owner-${label}@example.com`);
	const [own] = await db.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, ownerId));
	const owner: Person = { userId: ownerId, membershipId: own!.id, scope: scopeOf(workspaceId, ownerId, own!.id, ['owner']) };
	// These tests are about the runtime, not the client's approval: publish without one.
	await updateReviewSettings(db, owner.scope, { approvalRule: 'any', publishOnlyApproved: false });
	let n = 0;
	async function person(roles: Role[], name = `person${++n}`): Promise<Person> {
		const { userId, membershipId } = await addMember(db, workspaceId, `${name}-${label}@example.com`, roles);
		return { userId, membershipId, scope: scopeOf(workspaceId, userId, membershipId, roles) };
	}
	async function group(name: string, members: Person[]): Promise<string> {
		const id = await createGroup(db, owner.scope, name);
		for (const m of members) await db.write((tx) => setMemberGroups(tx, workspaceId, m.membershipId, [id]));
		return id;
	}
	async function setAbsent(p: Person, absent: boolean): Promise<void> {
		await db.write((tx) => tx.update(memberships).set({ absent }).where(eq(memberships.id, p.membershipId)));
	}
	/** A process whose TO BE track holds `xml`. */
	async function processOf(name: string, entityType: string, xml: string): Promise<string> {
		const id = await createProcess(db, owner.scope, { name, description: '', entityType });
		await saveRevision(db, owner.scope, id, 'to_be', xml);
		return id;
	}
	async function saveToBe(processId: string, xml: string): Promise<number> {
		return (await saveRevision(db, owner.scope, processId, 'to_be', xml)).number;
	}
	async function published(name: string, entityType: string, xml: string) {
		const processId = await processOf(name, entityType, xml);
		return { processId, ...(await publishProcess(db, owner.scope, processId)) };
	}
	return { db, workspaceId, owner, person, group, setAbsent, processOf, saveToBe, published };
}

/** A small deal pipeline: Новая → Встреча → won/lost, with required-when fields, a round-robin group and robots. */
export const DEAL_FLOW = `
    <startEvent id="start" name="Сделка создана" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="new_deal" />
    <userTask id="new_deal" name="Новая сделка">
      <extensionElements>
        <potok:stage key="new" label="Новая" />
        <potok:fields>
          <potok:field key="meeting_at" label="Дата встречи" type="datetime" requiredWhen="=outcome = &quot;meeting&quot;" />
          <potok:field key="loss_reason" label="Причина отказа" type="enum" options="Дорого,Передумал" requiredWhen="=outcome = &quot;lost&quot;" />
        </potok:fields>
        <potok:outcomes>
          <potok:outcome key="meeting" label="Встреча назначена" />
          <potok:outcome key="lost" label="Отказ" />
        </potok:outcomes>
        <potok:assignment type="round-robin" group="Продажи" />
        <potok:task due="PT4H" />
      </extensionElements>
    </userTask>
    <sequenceFlow id="f2" sourceRef="new_deal" targetRef="route" />
    <exclusiveGateway id="route" name="Встреча?" default="to_lost" />
    <sequenceFlow id="to_meeting" name="Встреча" sourceRef="route" targetRef="note_meeting"><conditionExpression>=outcome = "meeting"</conditionExpression></sequenceFlow>
    <sequenceFlow id="to_lost" name="Отказ" sourceRef="route" targetRef="lost" />
    <serviceTask id="note_meeting" name="Записать в отчёт">
      <extensionElements>
        <potok:robot type="log"><potok:input name="text" value="=&quot;Встреча: &quot; + string(record.meeting_at)" /></potok:robot>
      </extensionElements>
    </serviceTask>
    <sequenceFlow id="f3" sourceRef="note_meeting" targetRef="meeting" />
    <userTask id="meeting" name="Провести встречу">
      <extensionElements>
        <potok:stage key="meeting" label="Встреча" />
        <potok:fields>
          <potok:field key="loss_reason" label="Причина отказа" type="enum" options="Дорого,Передумал" requiredWhen="=outcome = &quot;lost&quot;" />
        </potok:fields>
        <potok:outcomes>
          <potok:outcome key="won" label="Успешно" />
          <potok:outcome key="lost" label="Отказ" />
        </potok:outcomes>
        <potok:task resultRequired="true" />
      </extensionElements>
    </userTask>
    <sequenceFlow id="f4" sourceRef="meeting" targetRef="result" />
    <exclusiveGateway id="result" name="Итог?" default="to_lost_2" />
    <sequenceFlow id="to_won" name="Успешно" sourceRef="result" targetRef="won"><conditionExpression>=outcome = "won"</conditionExpression></sequenceFlow>
    <sequenceFlow id="to_lost_2" name="Отказ" sourceRef="result" targetRef="lost_2" />
    <endEvent id="won" name="Сделка успешна"><extensionElements><potok:outcome status="won" /></extensionElements></endEvent>
    <endEvent id="lost" name="Сделка провалена"><extensionElements><potok:outcome status="lost" /></extensionElements></endEvent>
    <endEvent id="lost_2" name="Провалена после встречи"><extensionElements><potok:outcome status="lost" /></extensionElements></endEvent>`;
