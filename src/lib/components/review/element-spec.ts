import type { SpecBlock, SpecDocument } from '$lib/spec';

/**
 * The part of the specification about one diagram element: its stage table when it is a stage,
 * and the sentences about it when it is a robot, a timer, a trigger or a start.
 */
export function elementSpec(doc: SpecDocument, blocks: SpecBlock[], elementId: string): { stage: (SpecBlock & { kind: 'stage' }) | null; sentences: string[] } {
	const stage = blocks.find((b): b is SpecBlock & { kind: 'stage' } => b.kind === 'stage' && b.anchor === elementId) ?? null;
	const sentences = new Set<string>();
	const robots = [...doc.start.robots, ...doc.stages.flatMap((s) => s.robots), ...doc.otherRobots];
	const events = [...doc.start.triggers, ...doc.stages.flatMap((s) => s.events), ...doc.processEvents];
	for (const robot of robots) if (robot.id === elementId) sentences.add(robot.text);
	for (const event of events) if (event.id === elementId) sentences.add(event.text);
	return { stage, sentences: [...sentences] };
}

/** Open (unresolved) comment threads per element id, for the badges on the diagram. */
export function openCounts(threads: { elementId: string | null; elementRemoved: boolean; resolved: boolean }[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const thread of threads) {
		if (thread.elementId && !thread.elementRemoved && !thread.resolved) counts[thread.elementId] = (counts[thread.elementId] ?? 0) + 1;
	}
	return counts;
}
