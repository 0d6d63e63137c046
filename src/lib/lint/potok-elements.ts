/** Loosely typed moddle nodes as bpmnlint hands them to rules. */
export interface LintNode {
	$type: string;
	id?: string;
	name?: string;
	[property: string]: unknown;
}

/** A bpmnlint reporter. */
export interface Reporter {
	report(id: string | undefined, message: string): void;
}

/** The `potok:*` extension elements of a node. */
export function potokValues(node: LintNode): LintNode[] {
	const ext = node.extensionElements as LintNode | undefined;
	return ((ext?.values as LintNode[] | undefined) ?? []).filter((v) => v.$type.startsWith('potok:'));
}

/** The first extension of the given type. */
export function potokOf(node: LintNode, type: string): LintNode | undefined {
	return potokValues(node).find((v) => v.$type === type);
}

/** The items of a list container (`potok:Outcomes`.outcomes …). */
export function itemsOf(node: LintNode, containerType: string, property: string): LintNode[] {
	return (potokOf(node, containerType)?.[property] as LintNode[] | undefined) ?? [];
}

/** Flow elements of a process or subprocess, recursively. */
export function allFlowElements(container: LintNode): LintNode[] {
	const out: LintNode[] = [];
	for (const element of (container.flowElements as LintNode[] | undefined) ?? []) {
		out.push(element);
		if (element.flowElements) out.push(...allFlowElements(element));
	}
	return out;
}
