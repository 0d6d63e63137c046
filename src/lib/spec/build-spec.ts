import { z } from 'zod';
import { describeEvent } from './describe-event';
import { describeStage, robotsOf } from './describe-stage';
import { innerStarts, stageOrder } from './process-graph';
import { readDiagram } from './read-diagram';
import { specChanges } from './spec-changes';
import type { SpecApproval, SpecDocument, SpecEvent, SpecFact, SpecLocale, SpecStage } from './spec-document';
import { specMessages } from './spec-messages';
import { dateTimeWords } from './time-words';

const moment = z.union([z.date(), z.string().min(1)]);
const namedRef = z.object({ id: z.string(), name: z.string() });

/** What a specification is built from: a revision's XML and what the server knows around it. */
export const specInputSchema = z.object({
	xml: z.string().min(1),
	process: z.object({
		name: z.string(),
		description: z.string(),
		goal: z.string().optional(),
		entityType: z.string()
	}),
	revision: z.object({
		track: z.string(),
		number: z.number().int(),
		sha256: z.string(),
		author: z.string(),
		createdAt: moment
	}),
	asIsXml: z.string().min(1).optional(),
	/** The XML of the last approved revision of the track, to list what changed since. */
	approvedXml: z.string().min(1).optional(),
	approvals: z
		.array(z.object({ name: z.string(), signature: z.string(), at: moment, sha256: z.string(), ip: z.string(), userAgent: z.string() }))
		.optional(),
	/** Workspace members and groups, to name the people and groups assignments refer to by id. */
	members: z.array(namedRef).optional(),
	groups: z.array(namedRef).optional(),
	locale: z.enum(['ru', 'en']),
	/** IANA zone the dates are written in; UTC unless the workspace says otherwise. */
	timeZone: z.string().optional()
});

export type SpecInput = z.input<typeof specInputSchema>;

/**
 * Builds the specification document (ТЗ) of one revision. A diagram that does not validate
 * still gets a document: its title block, changes and approvals, and the problems instead of the
 * stage tables. Throws only on input that breaks the schema (a programming error upstream).
 */
export async function buildSpec(rawInput: SpecInput): Promise<SpecDocument> {
	const input = specInputSchema.parse(rawInput);
	const locale: SpecLocale = input.locale;
	const m = specMessages[locale];
	const timeZone = input.timeZone ?? 'UTC';

	const options = { locale, timeZone, members: input.members ?? [], groups: input.groups ?? [] };
	const diagram = await readDiagram(input.xml, options);
	const ctx = diagram.ctx;
	let stages: SpecStage[] = [];
	let start: SpecDocument['start'] = { triggers: [], robots: [] };
	let processEvents: SpecEvent[] = [];
	let otherRobots: SpecDocument['otherRobots'] = [];
	if (ctx) {
		const graph = ctx.graph;
		stages = stageOrder(graph).map((element, i) => describeStage(element, i + 1, ctx));
		const startRobots: string[] = [];
		start = {
			triggers: graph.starts.map((element) => {
				const { event, robots } = describeEvent(element, 'start', ctx);
				startRobots.push(...robots);
				return event;
			}),
			robots: []
		};
		start.robots = robotsOf([...new Set(startRobots)], ctx);
		const eventRobots: string[] = [];
		processEvents = graph.eventSubprocesses.flatMap((sub) =>
			innerStarts(sub).map((element) => {
				const { event, robots } = describeEvent(element, 'start', ctx);
				eventRobots.push(...robots);
				return event;
			})
		);
		const listed = new Set([...stages.flatMap((s) => s.robots.map((r) => r.id)), ...start.robots.map((r) => r.id)]);
		const unlisted = graph.ordered.filter((e) => e.potok?.robot && !listed.has(e.id)).map((e) => e.id);
		otherRobots = robotsOf([...new Set([...eventRobots.filter((id) => !listed.has(id)), ...unlisted])], ctx);
	}

	const changes = await Promise.all([
		specChanges('as-is', input.asIsXml, input.xml, diagram, options),
		specChanges('approved', input.approvedXml, input.xml, diagram, options)
	]);

	return {
		locale,
		title: m.title,
		subtitle: input.process.name,
		facts: titleFacts(input, locale, timeZone),
		sha256: input.revision.sha256,
		start,
		stages,
		otherRobots,
		processEvents,
		changes,
		approvals: (input.approvals ?? []).map((a) => approvalOf(a, input.revision.sha256, locale, timeZone)),
		problems: diagram.problems
	};
}

type ParsedInput = z.output<typeof specInputSchema>;

function titleFacts(input: ParsedInput, locale: SpecLocale, timeZone: string): SpecFact[] {
	const f = specMessages[locale].facts;
	const m = specMessages[locale];
	const facts: SpecFact[] = [{ label: f.process, value: input.process.name }];
	if (input.process.description.trim()) facts.push({ label: f.description, value: input.process.description.trim() });
	if (input.process.goal?.trim()) facts.push({ label: f.goal, value: input.process.goal.trim() });
	facts.push(
		{ label: f.entityType, value: m.entityType(input.process.entityType) },
		{ label: f.revision, value: m.revision(input.revision.track, input.revision.number) },
		{ label: f.author, value: input.revision.author },
		{ label: f.createdAt, value: dateTimeWords(input.revision.createdAt, locale, timeZone) },
		{ label: f.sha256, value: input.revision.sha256 }
	);
	return facts;
}

function approvalOf(
	approval: NonNullable<ParsedInput['approvals']>[number],
	sha256: string,
	locale: SpecLocale,
	timeZone: string
): SpecApproval {
	const a = specMessages[locale].approvals;
	const m = specMessages[locale];
	const at = dateTimeWords(approval.at, locale, timeZone);
	const matchesRevision = approval.sha256.trim().toLowerCase() === sha256.trim().toLowerCase();
	return {
		name: approval.name,
		signature: approval.signature,
		at,
		sha256: approval.sha256,
		matchesRevision,
		ip: approval.ip,
		userAgent: approval.userAgent,
		facts: [
			{ label: a.name, value: approval.name },
			{ label: a.signature, value: approval.signature },
			{ label: a.at, value: at },
			{ label: a.sha256, value: approval.sha256 },
			{ label: a.matches, value: matchesRevision ? m.yes : m.no },
			{ label: a.ip, value: approval.ip },
			{ label: a.userAgent, value: approval.userAgent }
		]
	};
}
