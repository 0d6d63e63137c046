import type { SpecLocale } from './spec-document';

/**
 * Reading the FEEL expressions a Potok diagram uses most (DESIGN: "expressions are FEEL; a value
 * that starts with `=` is an expression") well enough to say them in words. Anything these
 * readers do not recognise is shown as the expression itself, with field keys replaced by labels.
 */

/** Strips the `=` that marks an expression. */
export function expressionBody(text: string): string {
	const trimmed = text.trim();
	return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

/** What a condition or a `requiredWhen` says about the chosen outcome. */
export interface OutcomeTest {
	/** The outcome keys the test is about. */
	keys: string[];
	/** True for `outcome != "x"`: every outcome but these. */
	negated: boolean;
	/** The rest of a conjunction (`outcome = "x" and record.budget > 0`), as an expression. */
	also?: string;
}

const quoted = /^"((?:[^"\\]|\\.)*)"$/;
const equality = /^outcome\s*(=|!=)\s*("(?:[^"\\]|\\.)*")$/;

/**
 * Reads `outcome = "lost"`, `outcome = "a" or outcome = "b"`, `outcome != "won"`,
 * `not(outcome = "won")`, `outcome in ("a", "b")` and `outcome = "a" and <anything>`.
 */
export function readOutcomeTest(expression: string): OutcomeTest | undefined {
	const text = stripParens(expressionBody(expression));
	const negation = /^not\s*\((.*)\)$/s.exec(text);
	if (negation) {
		const inner = readOutcomeTest(negation[1] ?? '');
		return inner && inner.also === undefined ? { keys: inner.keys, negated: !inner.negated } : undefined;
	}
	const single = equality.exec(text);
	if (single) return { keys: [unquote(single[2] ?? '')], negated: single[1] === '!=' };
	const list = /^outcome\s+in\s*[([]\s*(.*?)\s*[)\]]$/s.exec(text);
	if (list) {
		const keys = splitTopLevel(list[1] ?? '', ',').map((item) => quoted.exec(item.trim())?.[1]);
		return keys.every((k) => k !== undefined) ? { keys: keys as string[], negated: false } : undefined;
	}
	const alternatives = splitTopLevel(text, ' or ');
	if (alternatives.length > 1) {
		const tests = alternatives.map((part) => readOutcomeTest(part));
		if (tests.every((t) => t !== undefined && !t.negated && t.also === undefined)) {
			return { keys: tests.flatMap((t) => t?.keys ?? []), negated: false };
		}
		return undefined;
	}
	const conjuncts = splitTopLevel(text, ' and ');
	if (conjuncts.length > 1) {
		const index = conjuncts.findIndex((part) => equality.test(stripParens(part.trim())));
		if (index < 0) return undefined;
		const test = readOutcomeTest(conjuncts[index] ?? '');
		const rest = conjuncts.filter((_, i) => i !== index).join(' and ');
		return test ? { ...test, also: rest } : undefined;
	}
	return undefined;
}

/** A timer or deadline relative to a record field: `=record.meeting_at - duration("PT1H")`. */
export interface FieldOffset {
	field: string;
	/** `before`, `after`, or `at` the field's moment. */
	direction: 'before' | 'after' | 'at';
	/** ISO 8601 duration; empty for `at`. */
	offset: string;
}

const fieldOffset = /^record\.([A-Za-z_][\w]*)\s*(?:([+-])\s*duration\(\s*"([^"]+)"\s*\))?$/;
const offsetField = /^duration\(\s*"([^"]+)"\s*\)\s*\+\s*record\.([A-Za-z_][\w]*)$/;

/** Reads `record.x`, `record.x ± duration("…")` and `duration("…") + record.x`. */
export function readFieldOffset(expression: string): FieldOffset | undefined {
	const text = stripParens(expressionBody(expression));
	const m = fieldOffset.exec(text);
	if (m) {
		const [, field = '', sign, offset] = m;
		if (!sign) return { field, direction: 'at', offset: '' };
		return { field, direction: sign === '-' ? 'before' : 'after', offset: offset ?? '' };
	}
	const r = offsetField.exec(text);
	if (r) return { field: r[2] ?? '', direction: 'after', offset: r[1] ?? '' };
	return undefined;
}

/** Reads `duration("P2D")`; undefined for anything else. */
export function readDurationCall(expression: string): string | undefined {
	return /^duration\(\s*"([^"]+)"\s*\)$/.exec(stripParens(expressionBody(expression)))?.[1];
}

/** Reads `record.x` alone: the value of a field. */
export function readFieldReference(expression: string): string | undefined {
	if (!expression.trim().startsWith('=')) return undefined;
	return /^record\.([A-Za-z_][\w]*)$/.exec(stripParens(expressionBody(expression)))?.[1];
}

/**
 * An expression shown to people: without the `=`, field references as their labels
 * («Бюджет» > 0), and in Russian the operators in words (и, или, не, ≠, ≥, ≤).
 */
export function expressionWords(expression: string, label: (key: string) => string | undefined, locale: SpecLocale): string {
	const text = expressionBody(expression);
	// Outside string literals only: split on quoted runs and keep the odd pieces as they are.
	return text
		.split(/("(?:[^"\\]|\\.)*")/)
		.map((piece, i) => {
			if (i % 2 === 1) return piece;
			let out = piece.replace(/\brecord\.([A-Za-z_][\w]*)/g, (_, key: string) => quote(label(key) ?? key, locale));
			if (locale === 'ru') {
				out = out
					.replace(/\band\b/g, 'и')
					.replace(/\bor\b/g, 'или')
					.replace(/\bnot\b/g, 'не')
					.replace(/!=/g, '≠')
					.replace(/>=/g, '≥')
					.replace(/<=/g, '≤');
			}
			return out;
		})
		.join('');
}

function quote(name: string, locale: SpecLocale): string {
	return locale === 'ru' ? `«${name}»` : `“${name}”`;
}

function unquote(literal: string): string {
	return (quoted.exec(literal)?.[1] ?? literal).replace(/\\(.)/g, '$1');
}

/** Removes parentheses that wrap the whole text. */
function stripParens(text: string): string {
	let out = text.trim();
	while (out.startsWith('(') && out.endsWith(')') && closingOf(out, 0) === out.length - 1) out = out.slice(1, -1).trim();
	return out;
}

function closingOf(text: string, open: number): number {
	let depth = 0;
	let inString = false;
	for (let i = open; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '(' || c === '[') depth++;
		else if (c === ')' || c === ']') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

/** Splits on a separator that is outside strings and brackets. */
function splitTopLevel(text: string, separator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let inString = false;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '(' || c === '[') depth++;
		else if (c === ')' || c === ']') depth--;
		else if (depth === 0 && text.startsWith(separator, i)) {
			parts.push(text.slice(start, i));
			start = i + separator.length;
			i += separator.length - 1;
		}
	}
	parts.push(text.slice(start));
	return parts.map((p) => p.trim());
}
