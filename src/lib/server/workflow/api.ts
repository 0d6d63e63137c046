import { z } from 'zod';
import type { Pipeline } from './pipelines';
import type { PublishResult } from './publish';
import type { TaskItem } from './work-tasks';

/** Request bodies and the JSON the workflow endpoints answer with (dates as ISO strings). */

export const publishBodySchema = z.object({
	revision: z.number().int().min(1).optional().meta({ description: 'The TO BE revision to publish; the latest when omitted' })
});

export function pipelineJson(p: Pipeline) {
	return {
		key: p.key,
		name: p.name,
		entityType: p.entityType,
		processId: p.processId,
		version: p.version,
		stages: p.stages.map(({ key, label }) => ({ key, label })),
		finalStatuses: p.finalStatuses.map(({ status, label }) => ({ status, label })),
		lossReasons: p.lossReasons,
		publishedAt: p.publishedAt.toISOString()
	};
}

export function publishJson(r: PublishResult) {
	return {
		version: r.version,
		revision: r.revision,
		created: r.created,
		pipeline: r.pipeline,
		stages: r.stages,
		fieldsAdded: r.fieldsAdded,
		warnings: r.warnings.map((w) => ({ id: w.id, ...(w.name ? { name: w.name } : {}), rule: w.rule, message: w.message, category: w.category }))
	};
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function taskJson(t: TaskItem) {
	return { ...t, deadlineAt: iso(t.deadlineAt), createdAt: t.createdAt.toISOString(), completedAt: iso(t.completedAt) };
}
