import type { CrmRecord } from '../crm/record-read';

/**
 * A record as process expressions see it (`record.<key>`): its field values,
 * with money flattened to the amount (its currency as `<key>_currency`), plus
 * `id`, `type`, `title`, `pipeline`, `stage`, `status` and `responsible`.
 * Plain JSON: the engine turns ISO date-times into FEEL temporals itself.
 */
export function feelRecord(record: CrmRecord): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record.values)) {
		if (isMoney(value)) {
			out[key] = value.amount;
			out[`${key}_currency`] = value.currency;
		} else out[key] = value;
	}
	return {
		...out,
		id: record.id,
		type: record.type,
		title: record.title,
		pipeline: record.pipeline,
		stage: record.stage,
		status: record.status,
		responsible: record.responsibleId
	};
}

function isMoney(value: unknown): value is { amount: number; currency: string } {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'amount' in value && 'currency' in value;
}
