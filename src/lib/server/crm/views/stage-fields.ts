import type { Reader } from '../db-types';
import { findPipeline } from '$lib/server/workflow/pipelines';
import { findElement } from '$lib/server/workflow/pipeline-model';
import { definitionModel } from '$lib/server/workflow/versions';

export interface StageFields {
	key: string;
	label: string;
	/** The card fields the stage declares (`potok:fields`), in the diagram's order. */
	fields: string[];
}

/**
 * The stages of a pipeline with the fields each declares, from the process
 * version new records start on — how a card groups its fields by stage.
 */
export async function pipelineStageFields(db: Reader, workspaceId: string, pipelineKey: string): Promise<StageFields[]> {
	const pipeline = await findPipeline(db, workspaceId, pipelineKey);
	if (!pipeline) return [];
	const model = await definitionModel(db, workspaceId, pipeline.definitionKey);
	return pipeline.stages.map((s) => {
		const element = model ? findElement(model, s.elementId) : undefined;
		return { key: s.key, label: s.label, fields: [...new Set((element?.potok?.fields ?? []).map((f) => f.key))] };
	});
}
