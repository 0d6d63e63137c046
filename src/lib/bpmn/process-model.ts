import { z } from 'zod';
import { potokExtensionsSchema, type PotokExtensions } from './potok-extensions';

/**
 * The typed process model: what a BPMN document means, without XML or layout. The browser and
 * the server build it from the same XML; the engine compiles it. Plain JSON, so a published
 * definition can be stored as it is.
 */

export const timerSchema = z.object({
	kind: z.enum(['duration', 'date', 'cycle']),
	/** ISO 8601 text, or a FEEL expression when it starts with `=`; empty in descriptive models. */
	value: z.string()
});
export type TimerModel = z.infer<typeof timerSchema>;

export const eventDefinitionSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('message'), messageName: z.string().optional(), correlationKey: z.string().optional() }),
	z.object({ type: z.literal('timer'), timer: timerSchema }),
	z.object({ type: z.literal('signal'), signalName: z.string().optional() }),
	z.object({ type: z.literal('error'), errorCode: z.string().optional() }),
	z.object({ type: z.literal('escalation'), escalationCode: z.string().optional() }),
	z.object({ type: z.literal('terminate') }),
	/** Kept so that the compiler can reject it by element id instead of ignoring it. */
	z.object({ type: z.literal('unsupported'), bpmnType: z.string() })
]);
export type EventDefinitionModel = z.infer<typeof eventDefinitionSchema>;

export const loopSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('standard'),
		condition: z.string().optional(),
		maximum: z.number().int().optional(),
		testBefore: z.boolean()
	}),
	z.object({
		kind: z.literal('multi'),
		sequential: z.boolean(),
		cardinality: z.string().optional(),
		collection: z.string().optional(),
		elementVariable: z.string().optional(),
		completionCondition: z.string().optional()
	})
]);
export type LoopModel = z.infer<typeof loopSchema>;

export const flowSchema = z.object({
	id: z.string().min(1),
	name: z.string().optional(),
	source: z.string().min(1),
	target: z.string().min(1),
	condition: z.string().optional()
});
export type FlowModel = z.infer<typeof flowSchema>;

export interface ElementModel {
	id: string;
	name?: string;
	/** The BPMN type as bpmn-moddle names it, e.g. `bpmn:UserTask`. */
	type: string;
	incoming: string[];
	outgoing: string[];
	eventDefinitions?: EventDefinitionModel[];
	attachedTo?: string;
	cancelActivity?: boolean;
	defaultFlow?: string;
	triggeredByEvent?: boolean;
	calledElement?: string;
	/** Message name of a receive or send task. */
	messageName?: string;
	correlationKey?: string;
	script?: { format?: string; body: string; resultVariable?: string };
	loop?: LoopModel;
	potok?: PotokExtensions;
	/** BPMN features present on the element that the model keeps only so that they can be rejected. */
	unsupported?: string[];
	/** Children of a subprocess. */
	elements?: ElementModel[];
	flows?: FlowModel[];
}

export const elementSchema: z.ZodType<ElementModel> = z.lazy(() =>
	z.object({
		id: z.string().min(1),
		name: z.string().optional(),
		type: z.string().regex(/^bpmn:\w+$/),
		incoming: z.array(z.string()),
		outgoing: z.array(z.string()),
		eventDefinitions: z.array(eventDefinitionSchema).optional(),
		attachedTo: z.string().optional(),
		cancelActivity: z.boolean().optional(),
		defaultFlow: z.string().optional(),
		triggeredByEvent: z.boolean().optional(),
		calledElement: z.string().optional(),
		messageName: z.string().optional(),
		correlationKey: z.string().optional(),
		script: z.object({ format: z.string().optional(), body: z.string(), resultVariable: z.string().optional() }).optional(),
		loop: loopSchema.optional(),
		potok: potokExtensionsSchema.optional(),
		unsupported: z.array(z.string()).optional(),
		elements: z.array(elementSchema).optional(),
		flows: z.array(flowSchema).optional()
	})
);

export const processSchema = z.object({
	id: z.string().min(1),
	name: z.string().optional(),
	isExecutable: z.boolean(),
	elements: z.array(elementSchema),
	flows: z.array(flowSchema)
});
export type ProcessModel = z.infer<typeof processSchema>;

export const definitionsSchema = z.object({
	id: z.string().optional(),
	processes: z.array(processSchema)
});
export type DefinitionsModel = z.infer<typeof definitionsSchema>;

/** One problem found in a document, named by element so a person can find it. */
export interface ModelIssue {
	elementId?: string;
	elementName?: string;
	field?: string;
	message: string;
}

/** Renders an issue as one line: `Task_1 "Call the lead" potok:field.type: must be …`. */
export function formatIssue(issue: ModelIssue): string {
	const where = [issue.elementId, issue.elementName ? `"${issue.elementName}"` : undefined, issue.field]
		.filter((part) => part !== undefined)
		.join(' ');
	return where ? `${where}: ${issue.message}` : issue.message;
}
