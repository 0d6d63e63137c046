import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { jsonContent as json, errorResponses as errors } from '../api/openapi-parts';

/**
 * The report endpoints of the REST API: read-only, for the app's pages and for BI tools (Power
 * BI, Looker Studio) with a workspace API token. Each answers JSON, or with `format=xlsx|csv` a
 * download of the same numbers. Employees get only their own records' numbers.
 */
const ws = z.string().meta({ description: 'Workspace id' });
const day = z.string().meta({ description: 'A day, YYYY-MM-DD (UTC); both ends included; default: the last 30 days' });
const format = z.enum(['json', 'xlsx', 'csv']).optional().meta({ description: 'json (default), or a download: xlsx (typed cells) or csv (UTF-8)' });
const downloads = {
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) },
	'text/csv': { schema: z.string() }
};
const ratio = z.number().nullable().meta({ description: 'A fraction 0…1; null when there is nothing to divide by' });
const pipelineRef = z.object({ key: z.string(), name: z.string(), entityType: z.string() });
const periodRef = z.object({ from: z.string().meta({ description: 'ISO instant, included' }), to: z.string().meta({ description: 'ISO instant, excluded' }) });
const filters = z.object({ responsible: z.string().nullable(), source: z.string().nullable() });
const breakdown = z.object({ key: z.string().nullable(), label: z.string(), records: z.number(), won: z.number(), lost: z.number(), open: z.number(), conversion: ratio });
const durations = { count: z.number(), avgMs: z.number().nullable(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() };

export const funnelSchema = z.object({
	pipeline: pipelineRef,
	period: periodRef,
	filters,
	records: z.number().meta({ description: 'Records created in the period that entered the pipeline (the cohort)' }),
	stages: z.array(
		z.object({
			key: z.string(),
			label: z.string(),
			entered: z.number(),
			movedOn: z.number(),
			lost: z.number(),
			open: z.number().meta({ description: 'In the stage now' }),
			fromPrevious: ratio,
			fromFirst: ratio,
			lossReasons: z.array(z.object({ reason: z.string().nullable(), label: z.string(), count: z.number() }))
		})
	),
	outcomes: z.object({ won: z.number(), lost: z.number(), spam: z.number(), converted: z.number(), open: z.number(), other: z.number() }),
	byResponsible: z.array(breakdown),
	bySource: z.array(breakdown),
	byRepeat: z.array(breakdown)
});

export const stageTimesSchema = z.object({
	pipeline: pipelineRef,
	period: periodRef,
	filters,
	stages: z.array(z.object({ key: z.string(), label: z.string(), ...durations })),
	byResponsible: z.array(z.object({ stage: z.string(), stageLabel: z.string(), responsibleId: z.string().nullable(), name: z.string(), ...durations })),
	cycle: z.object({ won: z.object(durations), closed: z.object(durations) }),
	slowest: z.array(
		z.object({
			stage: z.string(),
			stageLabel: z.string(),
			records: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), responsibleId: z.string().nullable(), name: z.string(), enteredAt: z.string(), waitingMs: z.number() }))
		})
	)
});

const pipelineQuery = z.object({
	pipeline: z.string().optional().meta({ description: 'Pipeline key (GET /pipelines); default: the first' }),
	from: day.optional(),
	to: day.optional(),
	responsible: z.string().optional().meta({ description: 'Only this responsible’s records (user id); employees always get their own' }),
	source: z.string().optional().meta({ description: 'Only records with this source (an option key of the `source` field)' }),
	format
});

export const reportPaths: ZodOpenApiPathsObject = {
	'/api/v1/w/{ws}/reports/funnel': {
		get: {
			summary: 'Funnel of a pipeline: the records created in the period, stage by stage',
			description:
				'For each stage: records of the cohort that reached it (once per record), moved on, were lost there (with reasons) and are there now; conversion from the previous and the first stage; outcomes; the same by responsible, by source and for new against repeat clients.',
			requestParams: { path: z.object({ ws }), query: pipelineQuery },
			responses: { '200': { description: 'The funnel', content: { ...json(funnelSchema).content, ...downloads } }, ...errors(400, 401, 403, 404) }
		}
	},
	'/api/v1/w/{ws}/reports/stage-times': {
		get: {
			summary: 'Time in stage: stays that ended in the period, with average, median and 90th percentile',
			description: 'Counts and averages are exact; medians and 90th percentiles are interpolated like Excel’s PERCENTILE.INC over duration histograms with buckets 5% wide — exact where a bucket holds one or two durations, otherwise within 5%. Also per stage and responsible, the whole cycle to won and to any outcome, and the records waiting longest in each stage now.',
			requestParams: { path: z.object({ ws }), query: pipelineQuery },
			responses: { '200': { description: 'Time in stage', content: { ...json(stageTimesSchema).content, ...downloads } }, ...errors(400, 401, 403, 404) }
		}
	}
};
