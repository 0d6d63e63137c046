import { parseExpression } from 'feelin';

/** Why a FEEL expression (`=` prefixed or not) does not parse, or undefined when it does. */
export function expressionError(source: string): string | undefined {
	const text = source.trim().replace(/^=/, '').trim();
	if (text === '') return 'the expression is empty';
	let bad: string | undefined;
	try {
		parseExpression(text, {}, undefined).iterate({
			enter: (node) => {
				if (node.type.isError && bad === undefined) bad = `syntax error at position ${node.from}`;
			}
		});
	} catch (error) {
		bad = (error as Error).message;
	}
	return bad;
}
