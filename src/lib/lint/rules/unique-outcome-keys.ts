import { itemsOf, type LintNode, type Reporter } from '../potok-elements';

/** Outcome keys are the values gateways test, so two outcomes of one stage may not share one. */
export default function uniqueOutcomeKeys() {
	return {
		check(node: LintNode, reporter: Reporter) {
			const seen = new Set<string>();
			for (const outcome of itemsOf(node, 'potok:Outcomes', 'outcomes')) {
				const key = String(outcome.key ?? '');
				if (seen.has(key)) reporter.report(node.id, `Outcome key "${key}" is used more than once`);
				seen.add(key);
			}
		}
	};
}
