import fc from 'fast-check';
import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { checkSyntax, compileExpression, ExpressionError } from '../../src/lib/engine/expression';

const scope = (vars: Record<string, unknown>) => ({ get: (name: string) => vars[name], toObject: () => vars });

describe('FEEL expressions', () => {
	it('gives the same result on the fast path as feelin for `variable <op> literal`', () => {
		const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constantFrom('a', 'b', ''), fc.constant(null), fc.constant(undefined));
		const literal = fc.oneof(
			fc.integer({ min: -5, max: 5 }).map(String),
			fc.constantFrom('true', 'false', 'null', '"a"', '"b"', '""', '2.5', '-1')
		);
		fc.assert(
			fc.property(value, fc.constantFrom('=', '!=', '<', '>', '<=', '>='), literal, (x, op, right) => {
				fc.pre(op === '=' || op === '!=' || !['true', 'false', 'null'].includes(right));
				const source = `=x ${op} ${right}`;
				const vars = x === undefined ? {} : { x };
				const fast = compileExpression(source).evaluate(scope(vars));
				const full = evaluate(`x ${op} ${right}`, vars).value;
				expect(fast).toEqual(full);
			}),
			{ numRuns: 500 }
		);
	});

	it('reads dotted paths and literals without feelin', () => {
		expect(compileExpression('=record.stage').evaluate(scope({ record: { stage: 'won' } }))).toBe('won');
		expect(compileExpression('=record.missing.deeper').evaluate(scope({ record: {} }))).toBeNull();
		expect(compileExpression('= "text" ').evaluate(scope({}))).toBe('text');
		expect(compileExpression('42').evaluate(scope({}))).toBe(42);
	});

	it('reports a run-time failure with the expression and the reason', () => {
		expect(() => compileExpression('=amount * rate').evaluate(scope({ amount: 2 }))).toThrow(
			new ExpressionError('=amount * rate', "Variable 'rate' not found; Can't multiply 'null' to '2'")
		);
	});

	it('finds syntax errors when a definition is compiled, not when it runs', () => {
		expect(checkSyntax('=a >')).toBe('syntax error at position 3');
		expect(checkSyntax('=')).toBe('the expression is empty');
		expect(checkSyntax('=date and time(meeting_at) - duration("PT1H")')).toBeUndefined();
	});
});
