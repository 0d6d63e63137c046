import type { PotokField } from '$lib/bpmn/potok-extensions';
import { compileExpression, evaluateCondition } from '$lib/engine/expression';
import { isEmpty } from '../crm/field-values';

/**
 * The fields a stage requires before it may be left with an outcome:
 * `required`, or `requiredWhen` true for that outcome (an expression over the
 * outcome, the record and the process variables; one that cannot be worked
 * out requires nothing, as in the runtime). A field counts as filled when the
 * record holds a value for it.
 */
export function missingStageFields(fields: readonly PotokField[], values: Record<string, unknown>, vars: Record<string, unknown>): string[] {
	const source = { get: (name: string) => vars[name], toObject: () => vars };
	const missing: string[] = [];
	for (const field of fields) {
		let required = field.required === true;
		if (!required && field.requiredWhen) {
			try {
				required = evaluateCondition(compileExpression(field.requiredWhen), source);
			} catch {
				required = false;
			}
		}
		if (required && isEmpty(values[field.key])) missing.push(field.key);
	}
	return missing;
}
