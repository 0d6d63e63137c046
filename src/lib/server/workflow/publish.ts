import { and, eq } from 'drizzle-orm';
import { parseBpmn } from '$lib/bpmn/parse-bpmn';
import type { ElementModel, ModelIssue, ProcessModel } from '$lib/bpmn/process-model';
import { compileProcess } from '$lib/engine';
import type { Locale } from '$lib/i18n';
import type { LintProblem } from '$lib/lint/lint-bpmn';
import type { Database } from '../db';
import { pipelines, processVersions } from '../db/schema';
import { hasRole, type WorkspaceScope } from '../access/scope';
import { UserError, type FieldProblem } from '../errors';
import { newId } from '../ids';
import type { Reader } from '../crm/db-types';
import { mergeDiagramFieldsTx } from '../crm/diagram-fields';
import { ensureEntityTypeTx } from '../crm/entity-types';
import { lintDiagram } from '../processes/lint';
import { getProcess } from '../processes/processes';
import { getRevision } from '../processes/revisions';
import { assertApprovedForPublish } from '../review/publish-gate';
import { allElements, describePipeline } from './pipeline-model';
import { robotProblems } from './robots';
import { runWorkflow } from './workflow-tx';

/**
 * Publishing a process: the latest TO BE revision (or the one named) becomes
 * an immutable version its pipeline runs. Lint errors block (warnings come
 * back), the runtime must compile it (refusals name the elements), its robots
 * must have their inputs, and the stages' fields are merged into the entity
 * type's (a type conflict names field and element). All of it — fields,
 * engine definition, version and pipeline — is one transaction. A newer
 * version takes new records; running ones stay on theirs.
 */
export interface PublishResult {
	version: number;
	versionId: string;
	revision: number;
	definitionKey: string;
	pipeline: { key: string; name: string; entityType: string };
	stages: { key: string; label: string }[];
	warnings: LintProblem[];
	fieldsAdded: string[];
	/** False when this revision (or one the runtime cannot tell from it) was already the current version. */
	created: boolean;
}

const refuse = (problems: FieldProblem[]) => new UserError('publish_refused', { count: problems.length }, problems);

function issueProblems(issues: readonly ModelIssue[], model?: ProcessModel): FieldProblem[] {
	const names = new Map((model ? allElements(model.elements) : []).map((e) => [e.id, e.name]));
	return issues.map((i) => {
		const name = i.elementName ?? (i.elementId ? names.get(i.elementId) : undefined);
		return { field: i.elementId ?? '(document)', message: `${name ? `«${name}» ` : ''}${i.field ? `${i.field}: ` : ''}${i.message}` };
	});
}

/** The engine's id for a Potok process: unique in the workspace whatever the diagram calls it. */
export const engineProcessIdOf = (processId: string) => `p_${processId}`;

/** A pipeline key from the diagram's process id, unique in the workspace. */
async function pipelineKeyFor(db: Reader, workspaceId: string, bpmnId: string): Promise<string> {
	const base = /^[A-Za-z_][\w.-]{0,80}$/.test(bpmnId) ? bpmnId : 'pipeline';
	const taken = new Set((await db.select({ key: pipelines.key }).from(pipelines).where(eq(pipelines.workspaceId, workspaceId))).map((p) => p.key));
	let key = base;
	for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
	return key;
}

function checkModel(model: ProcessModel): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const compiled = compileProcess(model);
	if (!compiled.ok) problems.push(...issueProblems(compiled.issues, model));
	else if (!compiled.definition.starts.none) problems.push({ field: '(document)', message: 'no_none_start' });
	for (const { elementId, name, robot } of describePipeline(model).robots) {
		for (const problem of robotProblems(robot)) problems.push({ field: elementId, message: `${name ? `«${name}» ` : ''}${problem}` });
	}
	return problems;
}

/**
 * Call activities name the process they call by its pipeline key (the called diagram's process
 * id): the runtime knows it by its engine id. A call to a process never published is refused.
 */
async function resolveCalls(database: Database, workspaceId: string, elements: readonly ElementModel[]): Promise<{ elements: ElementModel[]; problems: FieldProblem[] }> {
	const problems: FieldProblem[] = [];
	const known = new Map((await database.db.select({ key: pipelines.key, processId: pipelines.processId }).from(pipelines).where(eq(pipelines.workspaceId, workspaceId))).map((p) => [p.key, p.processId]));
	const walk = (list: readonly ElementModel[]): ElementModel[] =>
		list.map((e) => {
			let out: ElementModel = e.elements ? { ...e, elements: walk(e.elements) } : e;
			if (e.type === 'bpmn:CallActivity' && e.calledElement) {
				const target = known.get(e.calledElement);
				if (target) out = { ...out, calledElement: engineProcessIdOf(target) };
				else problems.push({ field: e.id, message: `${e.name ? `«${e.name}» ` : ''}unknown_pipeline:${e.calledElement}` });
			}
			return out;
		});
	return { elements: walk(elements), problems };
}

/** Publishes a process's TO BE revision (the latest by default) as a new version of its pipeline. */
export async function publishProcess(database: Database, scope: WorkspaceScope, processId: string, revision?: number, locale: Locale = 'ru'): Promise<PublishResult> {
	if (!hasRole(scope, 'owner', 'analyst')) throw new UserError('forbidden');
	const process = await getProcess(database, scope, processId);
	const rev = await getRevision(database, scope, processId, 'to_be', revision ?? 'latest');
	if (!rev) throw revision === undefined ? new UserError('nothing_to_publish') : new UserError('not_found', { revision });
	// «Публиковать только согласованное»: only the XML the client approved (409 `not_approved`)
	await assertApprovedForPublish(database, scope, processId, rev);

	const lint = await lintDiagram(rev.xml, locale);
	const errors = lint.filter((p) => p.category === 'error');
	if (errors.length > 0) throw refuse(errors.map((p) => ({ field: p.id, message: `${p.name ? `«${p.name}» ` : ''}${p.message}` })));
	const warnings = lint.filter((p) => p.category !== 'error');

	const parsed = await parseBpmn(rev.xml);
	if (!parsed.ok) throw refuse(issueProblems(parsed.issues));
	const executable = parsed.model.processes.filter((p) => p.isExecutable);
	const candidates = executable.length > 0 ? executable : parsed.model.processes;
	if (candidates.length !== 1) throw refuse([{ field: '(document)', message: `single_process:${candidates.length}` }]);
	const source = candidates[0]!;
	const called = await resolveCalls(database, scope.workspaceId, source.elements);
	const model: ProcessModel = { ...source, elements: called.elements, id: engineProcessIdOf(processId), name: process.name, isExecutable: true };
	const problems = [...called.problems, ...checkModel(model)];
	if (problems.length > 0) throw refuse(problems);
	const described = describePipeline(model);

	return runWorkflow(database, scope.workspaceId, async (w) => {
		const now = w.now();
		const type = await ensureEntityTypeTx(w.tx, w.workspaceId, process.entityType, now);
		const merged = await mergeDiagramFieldsTx(w.tx, w.workspaceId, type.id, described.fields, now);
		if (merged.conflicts.length > 0) {
			const first = merged.conflicts[0]!;
			throw new UserError(
				'field_conflict',
				{ field: first.key, element: first.element, existing: first.existingType, declared: first.declaredType },
				merged.conflicts.map((c) => ({ field: c.element, message: `field_type_conflict:${c.key} ${c.declaredType} ≠ ${c.existingType}` }))
			);
		}
		const versions = await w.tx.select().from(processVersions).where(and(eq(processVersions.workspaceId, w.workspaceId), eq(processVersions.processId, processId)));
		const [pipeline] = await w.tx.select().from(pipelines).where(and(eq(pipelines.workspaceId, w.workspaceId), eq(pipelines.processId, processId)));
		const result = (row: (typeof versions)[number], created: boolean): PublishResult => ({
			version: row.version,
			versionId: row.id,
			revision: row.revisionNumber,
			definitionKey: row.definitionKey,
			pipeline: { key: row.pipelineKey, name: row.pipelineName, entityType: type.key },
			stages: row.stages.map(({ key, label }) => ({ key, label })),
			warnings,
			fieldsAdded: merged.added,
			created
		});

		const deployed = await w.engine.deploy([model]);
		if (!deployed.ok) throw refuse(issueProblems(deployed.issues, model));
		const definition = deployed.definitions[0]!;
		w.deployed.add(definition.key);
		// the runtime keeps the version of an unchanged model: this revision differs only in layout
		const same = versions.find((v) => v.definitionKey === definition.key);
		if (same) return result(same, false);

		const key = pipeline?.key ?? (await pipelineKeyFor(w.tx, w.workspaceId, source.id));
		const row = {
			id: newId(),
			workspaceId: w.workspaceId,
			processId,
			version: versions.reduce((n, v) => Math.max(n, v.version), 0) + 1,
			revisionNumber: rev.number,
			sha256: rev.sha256,
			definitionKey: definition.key,
			engineProcessId: model.id,
			entityTypeId: type.id,
			pipelineKey: key,
			pipelineName: process.name,
			stages: described.stages,
			finalStatuses: described.finalStatuses,
			lossReasons: described.lossReasons,
			warnings: warnings.map((p) => ({ elementId: p.id, message: p.message })),
			publishedBy: scope.userId,
			publishedAt: now
		};
		await w.tx.insert(processVersions).values(row);
		if (pipeline) {
			await w.tx.update(pipelines).set({ currentVersionId: row.id, name: process.name, entityTypeId: type.id, updatedAt: now }).where(eq(pipelines.id, pipeline.id));
		} else {
			const position = (await w.tx.select({ id: pipelines.id }).from(pipelines).where(and(eq(pipelines.workspaceId, w.workspaceId), eq(pipelines.entityTypeId, type.id)))).length;
			await w.tx.insert(pipelines).values({ id: newId(), workspaceId: w.workspaceId, key, name: process.name, processId, entityTypeId: type.id, currentVersionId: row.id, position, createdAt: now, updatedAt: now });
		}
		return result(row, true);
	});
}
