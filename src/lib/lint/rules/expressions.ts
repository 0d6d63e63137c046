import { checkSyntax } from '../../engine/expression';
import { potokValues, type LintNode, type Reporter } from '../potok-elements';

/** Attributes that may hold an expression, by element. */
function expressionsOf(node: LintNode): [string, string][] {
	const out: [string, string][] = [];
	const add = (where: string, value: unknown) => {
		if (typeof value === 'string' && value.trim().startsWith('=')) out.push([where, value]);
	};
	const condition = node.conditionExpression as LintNode | undefined;
	if (typeof condition?.body === 'string') out.push(['condition', condition.body]);
	for (const value of potokValues(node)) {
		for (const [name, v] of Object.entries(value)) if (!name.startsWith('$')) add(`${value.$type}.${name}`, v);
		for (const item of [...((value.fields as LintNode[]) ?? []), ...((value.inputs as LintNode[]) ?? [])]) {
			for (const [name, v] of Object.entries(item)) if (!name.startsWith('$')) add(`${item.$type}.${name}`, v);
		}
	}
	for (const definition of (node.eventDefinitions as LintNode[] | undefined) ?? []) {
		for (const name of ['timeDuration', 'timeDate', 'timeCycle']) add(`timer.${name}`, (definition[name] as LintNode | undefined)?.body);
	}
	return out;
}

/** Every FEEL expression must parse, so a typo is found while drawing, not at run time. */
export default function expressions() {
	return {
		check(node: LintNode, reporter: Reporter) {
			for (const [where, source] of expressionsOf(node)) {
				const error = checkSyntax(source);
				if (error) reporter.report(node.id, `Expression in ${where} does not parse: ${error}`);
			}
		}
	};
}
