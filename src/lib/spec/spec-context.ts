import type { DiagramExtras } from './diagram-extras';
import type { ProcessGraph } from './process-graph';
import type { SpecLocale } from './spec-document';
import { specMessages, type SpecMessages } from './spec-messages';

/** What every describer needs: the language, the diagram, and names for ids. */
export interface SpecContext {
	locale: SpecLocale;
	m: SpecMessages;
	timeZone: string;
	graph: ProcessGraph;
	extras: DiagramExtras;
	/** A field's label by key, from any stage of the diagram. */
	fieldLabel(key: string): string | undefined;
	/** A member's name by user id; the id itself when unknown. */
	memberName(id: string): string;
	/** A group's name by id or name; the reference itself when unknown. */
	groupName(ref: string): string;
}

export interface NamedRef {
	id: string;
	name: string;
}

export function createContext(options: {
	locale: SpecLocale;
	timeZone: string;
	graph: ProcessGraph;
	extras: DiagramExtras;
	members: NamedRef[];
	groups: NamedRef[];
}): SpecContext {
	const labels = new Map<string, string>();
	for (const element of options.graph.ordered) {
		for (const field of element.potok?.fields ?? []) if (!labels.has(field.key)) labels.set(field.key, field.label || field.key);
	}
	const members = new Map(options.members.map((m) => [m.id, m.name]));
	return {
		locale: options.locale,
		m: specMessages[options.locale],
		timeZone: options.timeZone,
		graph: options.graph,
		extras: options.extras,
		fieldLabel: (key) => labels.get(key),
		memberName: (id) => members.get(id) ?? id,
		groupName: (ref) => options.groups.find((g) => g.id === ref || g.name === ref.trim())?.name ?? ref
	};
}
