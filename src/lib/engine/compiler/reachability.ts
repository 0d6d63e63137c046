import type { ExecElement } from './executable';

/**
 * The elements of one scope from which `join` can still be reached: an inclusive join waits only
 * while a token sits on one of them (BPMN 2.0 §13.3.5, decided by reachability rather than by
 * "dead path" messages). Boundary events count as successors of the activity they are attached to.
 */
export function computeUpstream(join: ExecElement, siblings: ExecElement[]): Set<string> {
	const predecessors = new Map<string, ExecElement[]>();
	const add = (to: ExecElement, from: ExecElement) => {
		const list = predecessors.get(to.id);
		if (list) list.push(from);
		else predecessors.set(to.id, [from]);
	};
	for (const element of siblings) {
		for (const flow of element.outgoing) add(flow.target, element);
		if (element.attachedTo) add(element, element.attachedTo);
	}
	const upstream = new Set<string>();
	const stack = [join];
	while (stack.length > 0) {
		const current = stack.pop() as ExecElement;
		for (const pred of predecessors.get(current.id) ?? []) {
			if (!upstream.has(pred.id)) {
				upstream.add(pred.id);
				stack.push(pred);
			}
		}
	}
	upstream.delete(join.id);
	return upstream;
}
