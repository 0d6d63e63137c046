import { date, dateAndTime, evaluate, parseExpression } from 'feelin';

/**
 * FEEL expressions (feelin). A leading `=` is allowed, as in Camunda 8. feelin re-parses the text on
 * every call (~130 µs), so the shapes that dominate real diagrams — a literal, a variable, or
 * `variable <op> literal` — are evaluated directly; everything else goes to feelin.
 */

/** Where an expression reads its variables. */
export interface VariableSource {
	get(name: string): unknown;
	/** All visible variables as one object, for the full interpreter. */
	toObject(): Record<string, unknown>;
}

/** A FEEL failure at run time: an expected failure that becomes an incident. */
export class ExpressionError extends Error {
	constructor(
		readonly expression: string,
		reason: string
	) {
		super(`Expression \`${expression}\` failed: ${reason}`);
	}
}

export interface Expression {
	readonly source: string;
	evaluate(vars: VariableSource): unknown;
}

const cache = new Map<string, Expression>();

/** Strips the optional `=` marker. */
export function expressionText(source: string): string {
	const trimmed = source.trim();
	return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

/** Returns the compiled (cached) form of an expression. */
export function compileExpression(source: string): Expression {
	let compiled = cache.get(source);
	if (!compiled) {
		compiled = build(source);
		cache.set(source, compiled);
	}
	return compiled;
}

/** Returns a syntax error message, or undefined when the expression parses. */
export function checkSyntax(source: string): string | undefined {
	const text = expressionText(source);
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

const identifier = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;
const comparison = /^([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*(=|!=|<=|>=|<|>)\s*(.+)$/;

function build(source: string): Expression {
	const text = expressionText(source);
	const literal = parseLiteral(text);
	if (literal.ok) return { source, evaluate: () => literal.value };
	if (identifier.test(text)) {
		const path = text.split('.');
		return { source, evaluate: (vars) => lookup(vars, path) };
	}
	const m = comparison.exec(text);
	if (m) {
		const right = parseLiteral((m[3] ?? '').trim());
		const ordering = m[2] !== '=' && m[2] !== '!=';
		// ordering is only defined here for numbers and strings; anything else goes to feelin
		if (right.ok && (!ordering || typeof right.value === 'number' || typeof right.value === 'string')) {
			const path = (m[1] ?? '').split('.');
			const op = m[2] ?? '=';
			const literal = right.value;
			return {
				source,
				evaluate: (vars) => {
					const left = lookup(vars, path);
					// values of another type compare the way feelin decides; it is rare, so ask it
					if (left !== null && literal !== null && typeof left !== typeof literal) return viaFeelin(source, text, vars);
					return compare(op, left, literal);
				}
			};
		}
	}
	return { source, evaluate: (vars) => viaFeelin(source, text, vars) };
}

function viaFeelin(source: string, text: string, vars: VariableSource): unknown {
	try {
		const result = evaluate(text, withFeelRecord(vars.toObject()));
		if (result.value === null && result.warnings.length > 0) {
			throw new ExpressionError(source, result.warnings.map((w) => w.message).join('; '));
		}
		return result.value;
	} catch (error) {
		if (error instanceof ExpressionError) throw error;
		throw new ExpressionError(source, (error as Error).message);
	}
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The driven record's fields are FEEL values (DESIGN: a datetime field is a date and time), but
 * instance variables are JSON: ISO date-time and date strings in `record` become FEEL temporals,
 * so `=record.meeting_at - duration("PT1H")` works.
 */
function withFeelRecord(context: Record<string, unknown>): Record<string, unknown> {
	const record = context.record;
	if (!record || typeof record !== 'object' || Array.isArray(record)) return context;
	const typed: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		typed[key] = typeof value === 'string' && isoDateTime.test(value) ? dateAndTime(value) : typeof value === 'string' && isoDate.test(value) ? date(value) : value;
	}
	return { ...context, record: typed };
}

function lookup(vars: VariableSource, path: string[]): unknown {
	let value: unknown = vars.get(path[0] ?? '');
	for (let i = 1; i < path.length; i++) {
		if (value === null || typeof value !== 'object') return null;
		value = (value as Record<string, unknown>)[path[i] ?? ''];
	}
	return value === undefined ? null : value;
}

/** FEEL comparison of values of one type (or null): equality with null is true or false, ordering with null is null. */
function compare(op: string, left: unknown, right: unknown): boolean | null {
	if (op === '=') return left === right;
	if (op === '!=') return left !== right;
	if (left === null || right === null) return null;
	const l = left as number | string;
	const r = right as number | string;
	if (op === '<') return l < r;
	if (op === '>') return l > r;
	if (op === '<=') return l <= r;
	return l >= r;
}

function parseLiteral(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text === 'true') return { ok: true, value: true };
	if (text === 'false') return { ok: true, value: false };
	if (text === 'null') return { ok: true, value: null };
	if (/^-?\d+(\.\d+)?$/.test(text)) return { ok: true, value: Number(text) };
	if (/^"[^"\\]*"$/.test(text)) return { ok: true, value: text.slice(1, -1) };
	return { ok: false };
}

/** Evaluates a condition; anything but a boolean is an expression error. */
export function evaluateCondition(expression: Expression, vars: VariableSource): boolean {
	const value = expression.evaluate(vars);
	if (typeof value !== 'boolean') {
		throw new ExpressionError(expression.source, `expected a boolean, but it was ${JSON.stringify(value ?? null)}`);
	}
	return value;
}
