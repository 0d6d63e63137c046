import { z } from 'zod';

/**
 * The `potok run --script` format: a JSON array of commands applied in order, and the
 * `*.scenario.json` format of `potok test` (the same commands plus expectations).
 */
const vars = z.record(z.string(), z.unknown());

export const scriptStepSchema = z.union([
	z.strictObject({ complete: z.string().min(1), vars: vars.optional(), outcome: z.string().min(1).optional() }),
	z.strictObject({ message: z.string().min(1), correlationKey: z.union([z.string(), z.number()]).optional(), vars: vars.optional() }),
	z.strictObject({ signal: z.string().min(1), vars: vars.optional() }),
	z.strictObject({ advance: z.string().regex(/^P/, 'must be an ISO 8601 duration such as PT1H') }),
	z.strictObject({ expectWaiting: z.array(z.string()) })
]);
export type ScriptStep = z.infer<typeof scriptStepSchema>;

export const scriptSchema = z.array(scriptStepSchema);

/** A record expectation: every given field must equal the record's. */
export const recordExpectationSchema = z.strictObject({
	instance: z.string().optional(),
	element: z.string().optional(),
	elementType: z.string().optional(),
	event: z.string().optional(),
	message: z.string().optional()
});
export type RecordExpectation = z.infer<typeof recordExpectationSchema>;

export const scenarioSchema = z.strictObject({
	/** The diagram, relative to the scenario; default: the scenario's name with `.bpmn`. */
	bpmn: z.string().optional(),
	process: z.string().optional(),
	vars: vars.optional(),
	script: scriptSchema.default([]),
	expect: z
		.strictObject({
			/** Records that must appear in this order (other records may come between them). */
			records: z.array(recordExpectationSchema).optional(),
			/** Records that must not appear at all. */
			absent: z.array(recordExpectationSchema).optional(),
			/** Final status per instance id. */
			instances: z.record(z.string(), z.enum(['active', 'completed', 'terminated'])).optional(),
			/** How many incidents were created. */
			incidents: z.number().int().min(0).optional()
		})
		.default({})
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** Renders zod issues as `step 2: complete: …`. */
export function describeIssues(error: z.ZodError, what: string): string {
	return error.issues.map((i) => `${what}${i.path.length ? ` at ${i.path.map(String).join('.')}` : ''}: ${i.message}`).join('\n');
}
