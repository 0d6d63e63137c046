import { itemsOf, type LintNode, type Reporter } from '../potok-elements';

/** Outgoing flows from the container's flows: hand-written XML often omits `outgoing`. */
function outgoing(node: LintNode): LintNode[] {
	const siblings = ((node.$parent as LintNode | undefined)?.flowElements as LintNode[] | undefined) ?? [];
	return siblings.filter((f) => f.$type === 'bpmn:SequenceFlow' && f.sourceRef === node);
}

const routingGateways = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);

/** Every outcome of a stage followed by a gateway must be tested by one of the gateway's conditions. */
export default function routedOutcomes() {
	return {
		check(node: LintNode, reporter: Reporter) {
			const outcomes = itemsOf(node, 'potok:Outcomes', 'outcomes');
			if (outcomes.length === 0) return;
			for (const flow of outgoing(node)) {
				const gateway = flow.targetRef as LintNode | undefined;
				if (!gateway || !routingGateways.has(gateway.$type)) continue;
				const conditions = outgoing(gateway)
					.map((f) => String((f.conditionExpression as LintNode | undefined)?.body ?? ''))
					.join('\n');
				for (const outcome of outcomes) {
					const key = String(outcome.key ?? '');
					if (!conditions.includes(`"${key}"`)) {
						reporter.report(gateway.id, `Outcome "${key}" of ${node.name ?? node.id} is not routed by any condition of this gateway`);
					}
				}
			}
		}
	};
}
