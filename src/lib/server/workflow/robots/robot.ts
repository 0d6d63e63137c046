import type { ElementModel } from '$lib/bpmn/process-model';
import type { PotokRobot } from '$lib/bpmn/potok-extensions';
import type { JobRow } from '$lib/engine/store';
import { addDuration, parseDuration } from '$lib/engine/iso-time';
import { loadRecords, type CrmRecord } from '../../crm/record-read';
import { appendTimeline } from '../../crm/timeline';
import type { WorkflowTx } from '../workflow-tx';

/**
 * A robot (`potok:robot` on a service, send or script task). Robots that only
 * change the database run inside the command that reached them, in its
 * transaction; robots that reach the outside world (webhooks) run as jobs
 * after the commit, retried with backoff. Inputs arrive evaluated (FEEL).
 */
export interface RobotRun {
	w: WorkflowTx;
	job: JobRow;
	element: ElementModel | undefined;
	/** The record the instance drives, if any. */
	record: CrmRecord | null;
	at: Date;
}

export interface Robot {
	/** Problems with the declared inputs (raw texts), caught at publish; empty when it can run. */
	check(inputs: ReadonlyMap<string, string>): string[];
	/** Does the work in the command's transaction; the result becomes process variables. */
	run?(run: RobotRun): Promise<Record<string, unknown>>;
	/** Runs after the commit, as a job of the scheduler (outside world). */
	external?: boolean;
}

/** An expected failure of a robot: it becomes an incident naming the element. */
export class RobotFailure extends Error {}

export function inputsOf(robot: PotokRobot): Map<string, string> {
	return new Map(robot.inputs.map((i) => [i.name, i.value]));
}

/** A required input is missing or empty. */
export function missing(inputs: ReadonlyMap<string, string>, ...names: string[]): string[] {
	return names.filter((n) => !inputs.get(n)?.trim()).map((n) => `missing_input:${n}`);
}

export function text(job: JobRow, name: string): string | undefined {
	const value = job.inputs[name];
	if (value === undefined || value === null) return undefined;
	const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
	return s.trim() === '' ? undefined : s;
}

export function requireText(job: JobRow, name: string): string {
	const value = text(job, name);
	if (value === undefined) throw new RobotFailure(`the input ${name} is empty`);
	return value;
}

export function flag(job: JobRow, name: string, fallback: boolean): boolean {
	const value = job.inputs[name];
	if (value === undefined || value === null || value === '') return fallback;
	return value === true || value === 'true' || value === 'yes' || value === 1;
}

export function requireRecord(run: RobotRun): CrmRecord {
	if (!run.record) throw new RobotFailure('the process drives no record');
	return run.record;
}

/** A `robot` entry on the record's timeline: what the robot did. */
export async function robotTimeline(run: RobotRun, payload: Record<string, unknown>, recordId = run.record?.id): Promise<void> {
	if (!recordId) return;
	await appendTimeline(run.w.tx, {
		workspaceId: run.w.workspaceId,
		recordId,
		kind: 'robot',
		actorId: null,
		payload: { robot: run.job.type, element: run.job.elementId, name: run.element?.name ?? null, ...payload },
		at: run.at
	});
}

/**
 * Something a robot made, kept in its timeline entry (`createdItems`) so the
 * card links it: a record (with its entity type) or a task about the record.
 */
export type RobotCreated = { kind: 'record'; id: string; type: string; title: string } | { kind: 'task'; id: string; title: string };

/** The records a robot made (ids in the order it made them; nulls skipped), as timeline items. */
export async function createdRecords(run: RobotRun, ids: readonly (string | null)[]): Promise<RobotCreated[]> {
	const wanted = ids.filter((id): id is string => id !== null);
	const records = await loadRecords(run.w.tx, run.w.workspaceId, wanted);
	return wanted.flatMap((id) => records.filter((r) => r.id === id).map((r): RobotCreated => ({ kind: 'record', id, type: r.type, title: r.title })));
}

/** Inputs named `<prefix>.<key>`, as a values object. */
export function prefixed(job: JobRow, prefix: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(job.inputs)) if (name.startsWith(`${prefix}.`)) out[name.slice(prefix.length + 1)] = value;
	return out;
}

/** A duration (ISO 8601, from now) or an instant, as a deadline. */
export function deadlineOf(value: unknown, now: Date): Date | null {
	if (value === undefined || value === null || value === '') return null;
	const s = String(value).trim();
	if (s.startsWith('P')) {
		const duration = parseDuration(s);
		if (!duration) throw new RobotFailure(`${s} is not an ISO 8601 duration`);
		return new Date(addDuration(now.getTime(), duration));
	}
	const at = new Date(s);
	if (Number.isNaN(at.getTime())) throw new RobotFailure(`${s} is neither a duration nor a date`);
	return at;
}
