import { allFlowElements, itemsOf, type LintNode, type Reporter } from '../potok-elements';

const validKey = /^[a-z][a-z0-9_]*$/;

/** Field keys are record columns: lower-case identifiers with one type across the process. */
export default function fieldKeys() {
	return {
		check(node: LintNode, reporter: Reporter) {
			if (node.$type !== 'bpmn:Process') return;
			const types = new Map<string, string>();
			for (const element of allFlowElements(node)) {
				for (const field of itemsOf(element, 'potok:Fields', 'fields')) {
					const key = String(field.key ?? '');
					const type = String(field.type ?? '');
					if (!validKey.test(key)) {
						reporter.report(element.id, `Field key "${key}" must start with a lower-case letter and use only a-z, 0-9 and _`);
						continue;
					}
					const known = types.get(key);
					if (known !== undefined && known !== type) {
						reporter.report(element.id, `Field "${key}" is ${type} here but ${known} elsewhere in the process`);
					}
					if (known === undefined) types.set(key, type);
				}
			}
		}
	};
}
