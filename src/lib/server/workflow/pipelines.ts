import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { crmEntityTypes, pipelines, processVersions } from '../db/schema';
import type { PipelineFinalStatus, PipelineStage } from '../db/schema/pipelines';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import type { Reader } from '../crm/db-types';
import type { ProcessVersionRow } from './versions';

/**
 * Pipelines (воронки): a published process's stages in order plus its final
 * statuses, for one entity type. A type may have several («Продажа кухни»,
 * «Монтаж»); new records start on the pipeline's current version.
 */
export interface Pipeline {
	id: string;
	key: string;
	name: string;
	entityType: string;
	entityTypeId: string;
	processId: string;
	/** The current published version: new records start on it. */
	version: number;
	versionId: string;
	/** The TO BE revision the current version was published from. */
	revision: number;
	/** What the runtime knows the current version by. */
	engineProcessId: string;
	definitionKey: string;
	stages: PipelineStage[];
	finalStatuses: PipelineFinalStatus[];
	lossReasons: string[];
	publishedAt: Date;
}

const columns = {
	id: pipelines.id,
	key: pipelines.key,
	name: pipelines.name,
	entityType: crmEntityTypes.key,
	entityTypeId: pipelines.entityTypeId,
	processId: pipelines.processId,
	version: processVersions.version,
	versionId: processVersions.id,
	revision: processVersions.revisionNumber,
	engineProcessId: processVersions.engineProcessId,
	definitionKey: processVersions.definitionKey,
	stages: processVersions.stages,
	finalStatuses: processVersions.finalStatuses,
	lossReasons: processVersions.lossReasons,
	publishedAt: processVersions.publishedAt
};

function query(db: Reader, workspaceId: string) {
	return db
		.select(columns)
		.from(pipelines)
		.innerJoin(processVersions, eq(processVersions.id, pipelines.currentVersionId))
		.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, pipelines.entityTypeId))
		.where(eq(pipelines.workspaceId, workspaceId))
		.$dynamic();
}

/** The workspace's pipelines (of one entity type, when given), in their order. */
export async function loadPipelines(db: Reader, workspaceId: string, entityType?: string): Promise<Pipeline[]> {
	const rows = await query(db, workspaceId).orderBy(asc(crmEntityTypes.key), asc(pipelines.position), asc(pipelines.createdAt));
	return entityType ? rows.filter((p) => p.entityType === entityType) : rows;
}

export async function listPipelines(database: Database, scope: WorkspaceScope, entityType?: string): Promise<Pipeline[]> {
	return loadPipelines(database.db, scope.workspaceId, entityType);
}

export async function findPipeline(db: Reader, workspaceId: string, key: string): Promise<Pipeline | null> {
	const [row] = await query(db, workspaceId).where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.key, key)));
	return row ?? null;
}

export async function getPipeline(database: Database, scope: WorkspaceScope, key: string): Promise<Pipeline> {
	const pipeline = await findPipeline(database.db, scope.workspaceId, key);
	if (!pipeline) throw new UserError('not_found', { pipeline: key });
	return pipeline;
}

/** The pipeline of a process, if it was ever published (the process page shows it). */
export async function publishedPipeline(database: Database, scope: WorkspaceScope, processId: string): Promise<Pipeline | null> {
	return pipelineOfProcess(database.db, scope.workspaceId, processId);
}

export async function pipelineOfProcess(db: Reader, workspaceId: string, processId: string): Promise<Pipeline | null> {
	const [row] = await query(db, workspaceId).where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.processId, processId)));
	return row ?? null;
}

/** The version rows of a process, newest first. */
export async function processVersionsOf(db: Reader, workspaceId: string, processId: string): Promise<ProcessVersionRow[]> {
	const rows = await db
		.select()
		.from(processVersions)
		.where(and(eq(processVersions.workspaceId, workspaceId), eq(processVersions.processId, processId)));
	return rows.sort((a, b) => b.version - a.version);
}
