import { and, eq } from 'drizzle-orm';
import type { ProcessModel } from '$lib/bpmn/process-model';
import { engineDefinitions, processVersions } from '../db/schema';
import type { Reader } from '../crm/db-types';

export type ProcessVersionRow = typeof processVersions.$inferSelect;

/** The published version that deployed an engine definition, if Potok published it. */
export async function versionByDefinition(db: Reader, workspaceId: string, definitionKey: string): Promise<ProcessVersionRow | null> {
	const [row] = await db
		.select()
		.from(processVersions)
		.where(and(eq(processVersions.workspaceId, workspaceId), eq(processVersions.definitionKey, definitionKey)));
	return row ?? null;
}

export async function versionById(db: Reader, workspaceId: string, id: string): Promise<ProcessVersionRow | null> {
	const [row] = await db
		.select()
		.from(processVersions)
		.where(and(eq(processVersions.workspaceId, workspaceId), eq(processVersions.id, id)));
	return row ?? null;
}

/** The process model of a deployed definition, as the engine runs it. */
export async function definitionModel(db: Reader, workspaceId: string, definitionKey: string): Promise<ProcessModel | null> {
	const [row] = await db
		.select({ model: engineDefinitions.model })
		.from(engineDefinitions)
		.where(and(eq(engineDefinitions.tenant, workspaceId), eq(engineDefinitions.key, definitionKey)));
	return row ? (JSON.parse(row.model) as ProcessModel) : null;
}
