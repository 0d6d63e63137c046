import { and, eq } from 'drizzle-orm';
import type { Database, Tx } from '../db';
import { crmRecordObservers, crmRecords } from '../db/schema';
import type { RecordStatus } from '../db/schema/crm';
import type { WorkspaceScope } from '../access/scope';
import { UserError, type FieldProblem } from '../errors';
import { newId } from '../ids';
import type { CrmActor } from './actor';
import { findDuplicatesOf, type DuplicateCandidate } from './duplicates';
import { requireEntityType } from './entity-types';
import type { FieldDefinition } from './field-definition';
import { loadFields } from './fields';
import { linkRecordsTx } from './links';
import { mergeRecordsTx } from './merge';
import { recordCreateSchema, recordPatchSchema, type RecordCreateInput, type RecordPatch } from './record-input';
import { loadRecord, requireVisibleRecord, type CrmRecord } from './record-read';
import { defaultTitle } from './record-title';
import { notMembers, referenceProblems } from './references';
import { searchColumns, writeSearchRows } from './search-index';
import { readCrmSettings } from './settings';
import { isRepeatTx, syncVisitPeopleTx, trackStageVisitTx } from './stage-visits';
import { appendTimeline } from './timeline';
import { parseValues } from './values-schema';

/**
 * Records: create, read, update, and the stage/status primitive the runtime
 * calls. Every change writes the timeline (one `field_changed` entry per
 * changed field) and keeps the search columns and rows in step.
 */

export interface CreatedRecord {
	id: string;
	/** Set when the workspace's automatic merge folded the new record into an existing one. */
	mergedInto: string | null;
	/** Candidate duplicates found on create, for the card's warning. */
	duplicates: DuplicateCandidate[];
}

function fail(problems: FieldProblem[]): never {
	throw new UserError('validation', {}, problems);
}

const label = (fields: readonly FieldDefinition[], key: string) => fields.find((f) => f.key === key)?.label ?? key;
const required = (fields: readonly FieldDefinition[], key: string) => fields.some((f) => f.key === key && f.required);

async function writeObservers(tx: Tx, recordId: string, userIds: readonly string[]): Promise<void> {
	await tx.delete(crmRecordObservers).where(eq(crmRecordObservers.recordId, recordId));
	if (userIds.length > 0) await tx.insert(crmRecordObservers).values(userIds.map((userId) => ({ recordId, userId })));
}

async function peopleProblems(tx: Tx, workspaceId: string, fields: readonly FieldDefinition[], responsibleId: string | null | undefined, observerIds: readonly string[] | undefined): Promise<FieldProblem[]> {
	const missing = await notMembers(tx, workspaceId, [...(responsibleId ? [responsibleId] : []), ...(observerIds ?? [])]);
	const problems: FieldProblem[] = [];
	if (responsibleId && missing.has(responsibleId)) problems.push({ field: 'responsibleId', message: `unknown_user:${label(fields, 'responsible')}` });
	if (observerIds?.some((id) => missing.has(id))) problems.push({ field: 'observerIds', message: `unknown_user:${label(fields, 'observers')}` });
	return problems;
}

const dropNulls = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));

export interface CreateOptions {
	at?: Date;
	/** Whose view the duplicate warning respects (titles of records they cannot see are hidden). */
	viewer?: Pick<WorkspaceScope, 'roles' | 'userId'>;
}

/**
 * Creates a record inside a transaction: validates title, people and values
 * against the type's fields, links it, writes `created`, looks for duplicates
 * and — when the workspace merges automatically and a phone or e-mail matches
 * exactly — merges it into the oldest such record.
 */
export async function createRecordTx(tx: Tx, actor: CrmActor, input: RecordCreateInput, options: CreateOptions = {}): Promise<CreatedRecord> {
	const at = options.at ?? new Date();
	const data = recordCreateSchema.parse(input);
	const type = await requireEntityType(tx, actor.workspaceId, data.type, tx);
	const fields = await loadFields(tx, type.id);
	const problems: FieldProblem[] = [];
	let values: Record<string, unknown> = {};
	try {
		values = dropNulls(parseValues(fields, data.values, 'create'));
	} catch (e) {
		if (!(e instanceof UserError)) throw e;
		problems.push(...e.details);
	}
	const title = data.title || defaultTitle(type.key, values);
	if (!title) problems.push({ field: 'title', message: `required:${label(fields, 'title')}` });
	const responsibleId = data.responsibleId === undefined ? actor.userId : data.responsibleId;
	if (!responsibleId && required(fields, 'responsible')) problems.push({ field: 'responsibleId', message: `required:${label(fields, 'responsible')}` });
	const observerIds = [...new Set(data.observerIds ?? [])].filter((id) => id !== responsibleId);
	problems.push(...(await peopleProblems(tx, actor.workspaceId, fields, responsibleId, observerIds)));
	if (problems.length === 0) problems.push(...(await referenceProblems(tx, actor.workspaceId, fields, values)));
	if (problems.length > 0) fail(problems);

	const id = newId();
	const { phones, emails, ...columns } = searchColumns(type.key, fields, title, values);
	await tx.insert(crmRecords).values({
		id,
		workspaceId: actor.workspaceId,
		entityTypeId: type.id,
		pipeline: data.pipeline ?? null,
		stage: data.stage ?? null,
		title,
		responsibleId,
		fieldValues: values,
		...columns,
		createdBy: actor.userId,
		createdAt: at,
		updatedAt: at
	});
	await writeObservers(tx, id, observerIds);
	await writeSearchRows(tx, { id, workspaceId: actor.workspaceId, entityTypeId: type.id }, { phones, emails });
	await appendTimeline(tx, { workspaceId: actor.workspaceId, recordId: id, kind: 'created', actorId: actor.userId, payload: { title, pipeline: data.pipeline ?? null, stage: data.stage ?? null }, at });
	for (const other of data.links ?? []) await linkRecordsTx(tx, actor.workspaceId, id, other, actor.userId, at);
	if (await isRepeatTx(tx, actor.workspaceId, id, data.links ?? [])) await tx.update(crmRecords).set({ repeat: true }).where(eq(crmRecords.id, id));
	if (data.pipeline && data.stage) {
		const created = await loadRecord(tx, actor.workspaceId, id);
		if (created) await trackStageVisitTx(tx, actor.workspaceId, { ...created, stage: null }, { pipeline: data.pipeline, stage: data.stage, status: 'open' }, at);
	}

	const duplicates = await findDuplicatesOf(tx, actor.workspaceId, id, options.viewer);
	const exact = duplicates.find((d) => d.matchedBy.includes('phone') || d.matchedBy.includes('email'));
	if (exact && (await readCrmSettings(tx, actor.workspaceId)).autoMerge) {
		await mergeRecordsTx(tx, actor.workspaceId, exact.id, [id], {}, actor.userId, 'auto', at);
		return { id, mergedInto: exact.id, duplicates };
	}
	return { id, mergedInto: null, duplicates };
}

/** Creates a record as the person in `scope`; responsible defaults to them. */
export async function createRecord(database: Database, scope: WorkspaceScope, input: RecordCreateInput): Promise<CreatedRecord> {
	return database.write((tx) => createRecordTx(tx, { workspaceId: scope.workspaceId, userId: scope.userId }, input, { viewer: scope }));
}

export async function getRecord(database: Database, scope: WorkspaceScope, id: string): Promise<CrmRecord> {
	return requireVisibleRecord(database.db, scope, id);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes a record's title, responsible, observers or values (only the keys
 * given). Returns the keys that changed; each gets a `field_changed` entry.
 */
export async function updateRecordTx(tx: Tx, actor: CrmActor, id: string, patch: RecordPatch, at = new Date()): Promise<string[]> {
	const data = recordPatchSchema.parse(patch);
	const record = await loadRecord(tx, actor.workspaceId, id);
	if (!record) throw new UserError('not_found', { record: id });
	if (record.mergedInto) throw new UserError('record_merged', { into: record.mergedInto });
	const type = await requireEntityType(tx, actor.workspaceId, record.type);
	const fields = await loadFields(tx, type.id);

	const problems: FieldProblem[] = [];
	let changes: Record<string, unknown> = {};
	try {
		changes = data.values ? parseValues(fields, data.values, 'update') : {};
	} catch (e) {
		if (!(e instanceof UserError)) throw e;
		problems.push(...e.details);
	}
	const values = dropNulls({ ...record.values, ...changes });
	let title = data.title ?? record.title;
	// A contact named by its name fields follows them when they change.
	if (data.title === undefined && ['lead', 'contact'].includes(type.key) && record.title === defaultTitle(type.key, record.values)) {
		title = defaultTitle(type.key, values) || record.title;
	}
	if (!title) problems.push({ field: 'title', message: `required:${label(fields, 'title')}` });
	const responsibleId = data.responsibleId === undefined ? record.responsibleId : data.responsibleId;
	if (!responsibleId && data.responsibleId !== undefined && required(fields, 'responsible')) problems.push({ field: 'responsibleId', message: `required:${label(fields, 'responsible')}` });
	const observerIds = data.observerIds ? [...new Set(data.observerIds)].filter((u) => u !== responsibleId).sort() : record.observerIds;
	problems.push(...(await peopleProblems(tx, actor.workspaceId, fields, data.responsibleId, data.observerIds)));
	if (problems.length === 0) problems.push(...(await referenceProblems(tx, actor.workspaceId, fields, changes)));
	if (problems.length > 0) fail(problems);

	const changed: { key: string; from: unknown; to: unknown }[] = [];
	if (title !== record.title) changed.push({ key: 'title', from: record.title, to: title });
	if (responsibleId !== record.responsibleId) changed.push({ key: 'responsible', from: record.responsibleId, to: responsibleId });
	if (!same(observerIds, record.observerIds)) changed.push({ key: 'observers', from: record.observerIds, to: observerIds });
	for (const key of Object.keys(changes)) if (!same(record.values[key], values[key])) changed.push({ key, from: record.values[key] ?? null, to: values[key] ?? null });
	if (changed.length === 0) return [];

	const { phones, emails, ...columns } = searchColumns(type.key, fields, title, values);
	await tx.update(crmRecords).set({ title, responsibleId, fieldValues: values, ...columns, updatedAt: at }).where(eq(crmRecords.id, id));
	if (changed.some((c) => c.key === 'observers')) await writeObservers(tx, id, observerIds);
	if (changed.some((c) => c.key === 'responsible' || c.key === 'source')) await syncVisitPeopleTx(tx, id, { responsibleId, source: values.source });
	await writeSearchRows(tx, { id, workspaceId: actor.workspaceId, entityTypeId: type.id }, { phones, emails });
	for (const c of changed) {
		await appendTimeline(tx, { workspaceId: actor.workspaceId, recordId: id, kind: 'field_changed', actorId: actor.userId, payload: { ...c, label: label(fields, c.key) }, at });
	}
	return changed.map((c) => c.key);
}

export async function updateRecord(database: Database, scope: WorkspaceScope, id: string, patch: RecordPatch): Promise<string[]> {
	return database.write(async (tx) => {
		await requireVisibleRecord(tx, scope, id);
		return updateRecordTx(tx, { workspaceId: scope.workspaceId, userId: scope.userId }, id, patch);
	});
}

export interface StageChange {
	pipeline?: string | null;
	stage?: string | null;
	status?: RecordStatus;
}

/**
 * Sets a record's pipeline, stage or final status — the runtime's primitive,
 * called once it has decided the move is allowed (this function checks no
 * diagram rules). Writes `stage_changed` and `status_changed` entries.
 */
export async function setRecordStageTx(tx: Tx, actor: CrmActor, id: string, change: StageChange, at = new Date()): Promise<void> {
	const record = await loadRecord(tx, actor.workspaceId, id);
	if (!record) throw new UserError('not_found', { record: id });
	if (record.mergedInto) throw new UserError('record_merged', { into: record.mergedInto });
	const next = {
		pipeline: change.pipeline === undefined ? record.pipeline : change.pipeline,
		stage: change.stage === undefined ? record.stage : change.stage,
		status: change.status ?? record.status
	};
	const stageMoved = next.pipeline !== record.pipeline || next.stage !== record.stage;
	const statusMoved = next.status !== record.status;
	if (!stageMoved && !statusMoved) return;
	await tx.update(crmRecords).set({ ...next, updatedAt: at }).where(eq(crmRecords.id, id));
	await trackStageVisitTx(tx, actor.workspaceId, record, next, at);
	const base = { workspaceId: actor.workspaceId, recordId: id, actorId: actor.userId, at };
	if (stageMoved) await appendTimeline(tx, { ...base, kind: 'stage_changed', payload: { fromPipeline: record.pipeline, from: record.stage, pipeline: next.pipeline, to: next.stage } });
	if (statusMoved) await appendTimeline(tx, { ...base, kind: 'status_changed', payload: { from: record.status, to: next.status } });
}

/** Remembers the process instance that drives a record. */
export async function setRecordInstanceTx(tx: Tx, workspaceId: string, id: string, instanceId: string | null): Promise<void> {
	await tx.update(crmRecords).set({ instanceId }).where(and(eq(crmRecords.id, id), eq(crmRecords.workspaceId, workspaceId)));
}
