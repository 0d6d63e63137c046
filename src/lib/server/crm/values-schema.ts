import { z } from 'zod';
import { UserError, type FieldProblem } from '../errors';
import type { FieldDefinition } from './field-definition';
import { isColumnField } from './field-keys';
import { parseFieldValue } from './field-values';

/**
 * The zod schema of a record's values, built from the entity type's field
 * definitions. `create` checks every field (a missing required one is an
 * error); `update` checks only the keys given, and a required field cannot be
 * cleared. Values come out normalised; `null` means "no value".
 * Title, responsible and observers live in record columns and are checked there.
 */
export type ValuesMode = 'create' | 'update';
export type ParsedValues = Record<string, unknown>;

function fieldSchema(field: FieldDefinition) {
	return (value: unknown, ctx: z.RefinementCtx) => {
		const result = parseFieldValue(field, value);
		if (!result.ok) {
			ctx.addIssue({ code: 'custom', message: result.code });
			return z.NEVER;
		}
		if (result.value === null && field.required) {
			ctx.addIssue({ code: 'custom', message: 'required' });
			return z.NEVER;
		}
		return result.value;
	};
}

/**
 * Built schemas by definitions: zod compiles an object schema on its first
 * parse, which costs more than the parse itself, and definitions rarely
 * change. The key is the definitions' full content, so an edited field never
 * meets a stale schema. Process-wide and holding no one's data.
 */
const cache = new Map<string, ReturnType<typeof buildValuesSchema>>();
const CACHE_SIZE = 200;

export function valuesSchema(fields: readonly FieldDefinition[], mode: ValuesMode) {
	const key = mode + JSON.stringify(fields);
	let schema = cache.get(key);
	if (!schema) {
		schema = buildValuesSchema(fields, mode);
		if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
		cache.set(key, schema);
	}
	return schema;
}

function buildValuesSchema(fields: readonly FieldDefinition[], mode: ValuesMode) {
	const shape: Record<string, z.ZodType<unknown>> = {};
	for (const field of fields) {
		if (isColumnField(field.key)) continue;
		const check = fieldSchema(field);
		shape[field.key] = mode === 'create' ? z.unknown().optional().transform(check) : z.unknown().transform(check).optional();
	}
	return z.strictObject(shape, { error: 'unknown_field' });
}

/** Zod issues as field problems naming the field's key (`values.<key>`) and its label. */
export function valueProblems(fields: readonly FieldDefinition[], error: z.ZodError): FieldProblem[] {
	const labels = new Map(fields.map((f) => [f.key, f.label]));
	const problems: FieldProblem[] = [];
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) problems.push({ field: `values.${key}`, message: `unknown_field:${key}` });
			continue;
		}
		const key = String(issue.path[0] ?? '');
		if (key === '') {
			problems.push({ field: 'values', message: 'invalid' });
			continue;
		}
		problems.push({ field: `values.${key}`, message: `${issue.message}:${labels.get(key) ?? key}` });
	}
	return problems;
}

/** Parses values against the definitions, or throws a `validation` UserError listing every bad field. */
export function parseValues(fields: readonly FieldDefinition[], input: unknown, mode: ValuesMode): ParsedValues {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new UserError('validation', {}, [{ field: 'values', message: 'invalid' }]);
	}
	const parsed = valuesSchema(fields, mode).safeParse(input);
	if (!parsed.success) throw new UserError('validation', {}, valueProblems(fields, parsed.error));
	return parsed.data as ParsedValues;
}
