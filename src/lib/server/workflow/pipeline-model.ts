import type { ElementModel, ProcessModel } from '$lib/bpmn/process-model';
import type { PotokRobot } from '$lib/bpmn/potok-extensions';
import type { PipelineFinalStatus, PipelineStage } from '../db/schema/pipelines';
import type { DiagramField } from '../crm/diagram-fields';

/**
 * What a process model means for the CRM: its visible stages in the order the
 * process lists them, the end events that close a record with a final status,
 * the card fields its stages declare (to merge into the entity type) and its
 * robots. Pure: the same model always gives the same pipeline.
 */
export interface PipelineModel {
	stages: PipelineStage[];
	finalStatuses: PipelineFinalStatus[];
	fields: DiagramField[];
	/** The options of a `loss_reason` field, when a stage declares one. */
	lossReasons: string[];
	robots: { elementId: string; name?: string; robot: PotokRobot }[];
}

/** Every element of the process, subprocess children included, in document order. */
export function allElements(elements: readonly ElementModel[]): ElementModel[] {
	return elements.flatMap((e) => [e, ...allElements(e.elements ?? [])]);
}

/** The key `crm_records.stage` holds for a stage element. */
export function stageKeyOf(element: Pick<ElementModel, 'id' | 'potok'>): string | undefined {
	const stage = element.potok?.stage;
	return stage ? (stage.key ?? element.id) : undefined;
}

export function describePipeline(process: ProcessModel): PipelineModel {
	const stages: PipelineStage[] = [];
	const finalStatuses: PipelineFinalStatus[] = [];
	const fields: DiagramField[] = [];
	const lossReasons: string[] = [];
	const robots: PipelineModel['robots'] = [];
	for (const element of allElements(process.elements)) {
		const key = stageKeyOf(element);
		if (key && !stages.some((s) => s.key === key)) {
			stages.push({ key, label: element.potok?.stage?.label ?? element.name ?? key, elementId: element.id });
		}
		const status = element.potok?.status;
		if (status) finalStatuses.push({ status, label: element.name ?? status, elementId: element.id });
		for (const field of element.potok?.fields ?? []) {
			fields.push({ key: field.key, label: field.label, type: field.type, options: field.options, element: element.id });
			if (field.key === 'loss_reason') for (const option of field.options ?? []) if (!lossReasons.includes(option)) lossReasons.push(option);
		}
		const robot = element.potok?.robot;
		if (robot) robots.push({ elementId: element.id, ...(element.name ? { name: element.name } : {}), robot });
	}
	return { stages, finalStatuses, fields, lossReasons, robots };
}

/** The element with this id, anywhere in the process. */
export function findElement(process: ProcessModel, id: string): ElementModel | undefined {
	return allElements(process.elements).find((e) => e.id === id);
}
