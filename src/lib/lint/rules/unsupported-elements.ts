import type { LintNode, Reporter } from '../potok-elements';

/** Element types the Potok engine does not run (src/lib/engine/compiler/validate-model.ts). */
const unsupportedTypes: Record<string, string> = {
	'bpmn:ComplexGateway': 'complex gateway',
	'bpmn:Transaction': 'transaction',
	'bpmn:AdHocSubProcess': 'ad-hoc subprocess',
	'bpmn:BusinessRuleTask': 'business rule task',
	'bpmn:DataStoreReference': 'data store'
};
const unsupportedDefinitions: Record<string, string> = {
	'bpmn:CompensateEventDefinition': 'compensation event',
	'bpmn:ConditionalEventDefinition': 'conditional event',
	'bpmn:LinkEventDefinition': 'link event',
	'bpmn:CancelEventDefinition': 'cancel event'
};

/** Flags, by name, what the runtime cannot execute, so nobody publishes a diagram that will not run. */
export default function unsupportedElements() {
	return {
		check(node: LintNode, reporter: Reporter) {
			const what = unsupportedTypes[node.$type];
			if (what) reporter.report(node.id, `A ${what} is not supported by the Potok engine`);
			for (const definition of (node.eventDefinitions as LintNode[] | undefined) ?? []) {
				const event = unsupportedDefinitions[definition.$type];
				if (event) reporter.report(node.id, `A ${event} is not supported by the Potok engine`);
			}
			if (node.isForCompensation === true) reporter.report(node.id, 'Compensation activities are not supported by the Potok engine');
		}
	};
}
