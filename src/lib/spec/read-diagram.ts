import { formatIssue, parseBpmn } from '$lib/bpmn';
import { readDiagramExtras, type DiagramExtras } from './diagram-extras';
import { buildGraph } from './process-graph';
import { createContext, type NamedRef, type SpecContext } from './spec-context';
import type { SpecLocale } from './spec-document';

/** One diagram read for the ТЗ: its describing context, or the problems that prevent one. */
export interface ReadDiagram {
	/** Undefined when the XML is not BPMN or does not validate. */
	ctx?: SpecContext;
	extras?: DiagramExtras;
	problems: string[];
}

export interface ReadOptions {
	locale: SpecLocale;
	timeZone: string;
	members: NamedRef[];
	groups: NamedRef[];
}

/** Parses and validates a diagram and builds the context the describers need. */
export async function readDiagram(xml: string, options: ReadOptions): Promise<ReadDiagram> {
	const parsed = await parseBpmn(xml);
	const extras = await readDiagramExtras(xml).catch(() => undefined);
	if (!parsed.ok) return { ...(extras ? { extras } : {}), problems: parsed.issues.map(formatIssue) };
	if (!extras) return { problems: [] };
	return { ctx: createContext({ ...options, graph: buildGraph(parsed.model), extras }), extras, problems: [] };
}
