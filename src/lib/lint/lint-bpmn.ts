import Linter from 'bpmnlint/lib/linter';
import { createModdle } from '$lib/bpmn';
import { lintConfig, lintResolver } from './lint-config';

/** One lint finding, naming the element. */
export interface LintProblem {
	id: string;
	name?: string;
	rule: string;
	message: string;
	category: 'error' | 'warn';
}

interface Report {
	id?: string;
	message: string;
	category: string;
}

/** Lints BPMN XML with bpmnlint's recommended rules and Potok's rules; works in Node and browsers. */
export async function lintBpmn(xml: string): Promise<LintProblem[]> {
	const { rootElement, elementsById } = await createModdle().fromXML(xml, 'bpmn:Definitions');
	const linter = new Linter({ config: lintConfig, resolver: lintResolver });
	const results = (await linter.lint(rootElement)) as Record<string, Report[]>;
	const problems: LintProblem[] = [];
	for (const [rule, reports] of Object.entries(results)) {
		for (const report of reports) {
			const name = report.id ? elementsById[report.id]?.name : undefined;
			problems.push({
				id: report.id ?? '',
				...(name ? { name } : {}),
				rule,
				message: report.message,
				category: report.category === 'warn' ? 'warn' : 'error'
			});
		}
	}
	return problems;
}
