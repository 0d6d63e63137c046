import type { ModelIssue, ProcessModel } from '../../bpmn/process-model';
import { compileProcess } from '../compiler/compile-process';
import type { ExecutableDefinition } from '../compiler/executable';
import { scheduleTimer } from '../behaviors/timers';
import type { MessageSubscriptionRow, SignalSubscriptionRow, StoreChanges, StoreTx, TimerRow } from '../store';

export type DeployResult =
	| { ok: true; definitions: { processId: string; version: number; key: string; isNew: boolean }[] }
	| { ok: false; issues: ModelIssue[] };

const noVars = { get: () => undefined, toObject: () => ({}) };

/**
 * Publishes processes: every one must compile, or nothing is deployed. A process whose model is
 * unchanged keeps its version; otherwise it gets the next one (published versions never change)
 * and its start events (message, timer, signal) subscribe in place of the previous version's.
 */
export async function deployProcesses(tx: StoreTx, processes: ProcessModel[], now: number, changes: StoreChanges): Promise<DeployResult> {
	const issues: ModelIssue[] = [];
	for (const process of processes) {
		const compiled = compileProcess(process);
		if (!compiled.ok) issues.push(...compiled.issues);
	}
	if (issues.length === 0) issues.push(...checkTimerStarts(processes, now));
	if (issues.length > 0) return { ok: false, issues };
	const definitions: { processId: string; version: number; key: string; isNew: boolean }[] = [];
	for (const process of processes) {
		const latest = await tx.latestDefinition(process.id);
		if (latest && JSON.stringify(latest.model) === JSON.stringify(process)) {
			definitions.push({ processId: process.id, version: latest.version, key: latest.key, isNew: false });
			continue;
		}
		const version = (latest?.version ?? 0) + 1;
		const compiled = compileProcess(process, version);
		if (!compiled.ok) return { ok: false, issues: compiled.issues };
		await tx.putDefinition({ key: compiled.definition.key, processId: process.id, version, model: process, deployedAt: now });
		if (latest) unsubscribeStarts(latest.model, process.id, changes);
		subscribeStarts(compiled.definition, now, changes);
		definitions.push({ processId: process.id, version, key: compiled.definition.key, isNew: true });
	}
	return { ok: true, definitions };
}

function startId(processId: string, elementId: string): string {
	return `${processId}/start/${elementId}`;
}

function unsubscribeStarts(model: ProcessModel, processId: string, changes: StoreChanges): void {
	for (const element of model.elements) {
		if (element.type !== 'bpmn:StartEvent' || !element.eventDefinitions?.length) continue;
		const id = startId(processId, element.id);
		changes.timers.remove.push(id);
		changes.messageSubscriptions.remove.push(id);
		changes.signalSubscriptions.remove.push(id);
	}
}

function subscribeStarts(def: ExecutableDefinition, now: number, changes: StoreChanges): void {
	for (const start of def.starts.timer) {
		if (start.event.type !== 'timer') continue;
		const wait = scheduleTimer(start.event, start.id, now, noVars);
		if (wait.due === undefined) continue;
		const row: TimerRow = { id: startId(def.processId, start.id), definitionKey: def.key, elementId: start.id, dueAt: wait.due ?? now };
		if (wait.rep !== undefined) row.repetitions = wait.rep;
		changes.timers.put.push(row);
	}
	for (const start of def.starts.message) {
		if (start.event.type !== 'message') continue;
		const row: MessageSubscriptionRow = {
			id: startId(def.processId, start.id),
			name: start.event.name,
			correlationKey: null,
			definitionKey: def.key,
			elementId: start.id,
			createdAt: now
		};
		changes.messageSubscriptions.put.push(row);
	}
	for (const start of def.starts.signal) {
		if (start.event.type !== 'signal') continue;
		const row: SignalSubscriptionRow = { id: startId(def.processId, start.id), name: start.event.name, definitionKey: def.key, elementId: start.id };
		changes.signalSubscriptions.put.push(row);
	}
}

/** A timer start event must be schedulable when it is published (it has no instance variables). */
function checkTimerStarts(processes: ProcessModel[], now: number): ModelIssue[] {
	const issues: ModelIssue[] = [];
	for (const process of processes) {
		const compiled = compileProcess(process);
		if (!compiled.ok) continue;
		for (const start of compiled.definition.starts.timer) {
			if (start.event.type !== 'timer') continue;
			try {
				scheduleTimer(start.event, start.id, now, noVars);
			} catch (error) {
				issues.push({ elementId: start.id, field: `timer.${start.event.kind}`, message: (error as Error).message });
			}
		}
	}
	return issues;
}
