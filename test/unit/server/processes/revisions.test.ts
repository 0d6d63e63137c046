import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createProcess, getProcess, listProcesses, processInputSchema } from '$lib/server/processes/processes';
import { copyAsIsToToBe, getRevision, listRevisions, restoreRevision, saveRevision } from '$lib/server/processes/revisions';
import { blankDiagram } from '$lib/server/processes/blank-diagram';
import { sha256Hex } from '$lib/server/processes/diagram-check';
import { UserError } from '$lib/server/errors';
import { makeUser, makeWorkspace, scopeOf } from '../../../helpers/fixtures';
import { tempDatabase } from '../../../helpers/temp-db';
import { MIWG_DIR } from '../../../helpers/interop';

const stageXml = (requiredWhen: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t">
  <bpmn:process id="sale" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="Позвонить клиенту">
      <bpmn:extensionElements>
        <potok:stage key="call" />
        <potok:fields><potok:field key="meeting_at" label="Встреча" type="datetime" requiredWhen="${requiredWhen}" /></potok:fields>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('processes and revisions', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	let analyst: ReturnType<typeof scopeOf>;
	beforeEach(async () => {
		db = await tempDatabase('revisions');
		const { workspaceId, ownerId } = await makeWorkspace(db, 'analyst@example.com');
		analyst = scopeOf(workspaceId, ownerId, null, ['owner', 'analyst']);
	});
	afterEach(() => db.dispose());

	const newProcess = () =>
		createProcess(db, analyst, processInputSchema.parse({ name: 'Продажа кухни', description: 'От заявки до договора', entityType: 'deal' }));

	it('saves numbered immutable revisions per track and returns the XML exactly as stored', async () => {
		const id = await newProcess();
		const xml = blankDiagram('Продажа кухни');
		expect(await saveRevision(db, analyst, id, 'as_is', xml, { message: 'Как сейчас' })).toEqual({ number: 1, sha256: sha256Hex(xml) });
		const second = stageXml('=outcome = &quot;lost&quot;');
		expect((await saveRevision(db, analyst, id, 'as_is', second, { base: 1 })).number).toBe(2);
		expect((await saveRevision(db, analyst, id, 'to_be', xml)).number).toBe(1);
		expect((await getRevision(db, analyst, id, 'as_is', 1))?.xml).toBe(xml);
		expect((await getRevision(db, analyst, id, 'as_is', 'latest'))?.xml).toBe(second);
		expect((await listRevisions(db, analyst, id, 'as_is')).map((r) => [r.number, r.message])).toEqual([
			[2, ''],
			[1, 'Как сейчас']
		]);
		const summary = await getProcess(db, analyst, id);
		expect(summary.tracks.as_is.latest).toBe(2);
		expect(summary.tracks.to_be.latest).toBe(1);
		expect((await listProcesses(db, analyst)).map((p) => p.name)).toEqual(['Продажа кухни']);
	});

	it('given two analysts editing the same base revision, when the second saves, then it is a conflict naming who saved', async () => {
		const id = await newProcess();
		await saveRevision(db, analyst, id, 'to_be', blankDiagram('x'));
		const colleague = { ...analyst, userId: await makeUser(db, 'boris@example.com', 'Борис') };
		await saveRevision(db, colleague, id, 'to_be', stageXml('=true'), { base: 1 });
		const conflict = await saveRevision(db, analyst, id, 'to_be', blankDiagram('mine'), { base: 1 }).catch((e) => e);
		expect(conflict).toBeInstanceOf(UserError);
		expect(conflict.code).toBe('revision_conflict');
		expect(conflict.params).toEqual({ latest: 2, author: 'Борис' });
		expect((await listRevisions(db, analyst, id, 'to_be')).length).toBe(2);
	});

	it('names the element, its name and the field of an expression that does not parse, and stores nothing', async () => {
		const id = await newProcess();
		const bad = await saveRevision(db, analyst, id, 'to_be', stageXml('=outcome = (&quot;lost&quot;')).catch((e) => e);
		expect(bad.code).toBe('diagram_invalid');
		expect(bad.details).toHaveLength(1);
		expect(bad.details[0].field).toMatch(/^call\./);
		expect(bad.details[0].field).toContain('requiredWhen');
		expect(bad.details[0].message).toContain('«Позвонить клиенту»');
		expect(await listRevisions(db, analyst, id, 'to_be')).toEqual([]);
	});

	it('refuses hostile and oversized XML before parsing it', async () => {
		const id = await newProcess();
		const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>`;
		await expect(saveRevision(db, analyst, id, 'as_is', xxe)).rejects.toMatchObject({ code: 'diagram_hostile' });
		const bomb = `<?xml version="1.0"?><!ENTITY a "aaaa"><definitions/>`;
		await expect(saveRevision(db, analyst, id, 'as_is', bomb)).rejects.toMatchObject({ code: 'diagram_hostile' });
		const huge = blankDiagram('x').replace('<bpmn:startEvent id="StartEvent_1" />', `<bpmn:startEvent id="StartEvent_1" name="${'я'.repeat(5_300_000)}" />`);
		await expect(saveRevision(db, analyst, id, 'as_is', huge)).rejects.toMatchObject({ code: 'too_large' });
		await expect(saveRevision(db, analyst, id, 'as_is', 'not xml at all')).rejects.toMatchObject({ code: 'diagram_invalid' });
		expect(await listRevisions(db, analyst, id, 'as_is')).toEqual([]);
	});

	it('restores an old revision as a new one, and starts TO BE as a copy of AS IS', async () => {
		const id = await newProcess();
		const first = blankDiagram('Первая');
		await saveRevision(db, analyst, id, 'as_is', first);
		await saveRevision(db, analyst, id, 'as_is', stageXml('=true'));
		expect((await restoreRevision(db, analyst, id, 'as_is', 1)).number).toBe(3);
		const restored = await getRevision(db, analyst, id, 'as_is', 3);
		expect(restored).toMatchObject({ xml: first, restoredFrom: 1, message: 'Восстановлена версия №1' });
		const copy = await copyAsIsToToBe(db, analyst, id);
		expect(copy.number).toBe(1);
		expect((await getRevision(db, analyst, id, 'to_be', 1))).toMatchObject({ xml: first, copiedFrom: 'as_is:3' });
	});

	it('reads every MIWG interop file as a valid revision', async () => {
		const id = await newProcess();
		const dir = MIWG_DIR;
		for (const file of ['A.1.0.bpmn', 'A.2.0.bpmn', 'B.2.0.bpmn', 'C.1.0.bpmn', 'C.9.2.bpmn']) {
			await expect(saveRevision(db, analyst, id, 'as_is', readFileSync(`${dir}/${file}`, 'utf8')), file).resolves.toHaveProperty('number');
		}
	});

	it('hides the processes of another workspace', async () => {
		const id = await newProcess();
		const other = await makeWorkspace(db, 'other@example.com', 'Other');
		const outsider = scopeOf(other.workspaceId, other.ownerId, null, ['owner']);
		await expect(getProcess(db, outsider, id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(saveRevision(db, outsider, id, 'as_is', blankDiagram('x'))).rejects.toMatchObject({ code: 'not_found' });
		await expect(getRevision(db, outsider, id, 'as_is', 'latest')).rejects.toMatchObject({ code: 'not_found' });
		expect(await listProcesses(db, outsider)).toEqual([]);
	});
});
