import type { CrmRecord } from '../record-read';
import type { RecordListItem } from '../record-list';
import { UserError, type FieldProblem } from '../../errors';

/**
 * A record as the REST API and the pages' client code see it: the card's
 * values are `fields` (the word the API's request bodies use), dates are ISO
 * strings. `observerIds` is present when the record was read whole.
 */
export interface RecordJson {
	id: string;
	type: string;
	pipeline: string | null;
	stage: string | null;
	status: CrmRecord['status'];
	title: string;
	responsibleId: string | null;
	observerIds?: string[];
	fields: Record<string, unknown>;
	amount: number | null;
	currency: string | null;
	mergedInto: string | null;
	createdBy: string | null;
	createdAt: string;
	updatedAt: string;
}

export function recordJson(r: CrmRecord | RecordListItem): RecordJson {
	return {
		id: r.id,
		type: r.type,
		pipeline: r.pipeline,
		stage: r.stage,
		status: r.status,
		title: r.title,
		responsibleId: r.responsibleId,
		...('observerIds' in r ? { observerIds: r.observerIds } : {}),
		fields: r.values,
		amount: r.amount,
		currency: r.currency,
		mergedInto: r.mergedInto,
		createdBy: r.createdBy,
		createdAt: r.createdAt.toISOString(),
		updatedAt: r.updatedAt.toISOString()
	};
}

/**
 * The library names a card value `values.<key>`; the API's bodies call the
 * object `fields`, so its problems say `fields.<key>`.
 */
export function asApiProblems<T>(run: () => Promise<T>): Promise<T> {
	return run().catch((e: unknown) => {
		if (e instanceof UserError && e.details.some((d) => d.field.startsWith('values'))) {
			const details: FieldProblem[] = e.details.map((d) => ({ ...d, field: d.field.replace(/^values(?=\.|$)/, 'fields') }));
			throw new UserError(e.code, e.params, details);
		}
		throw e;
	});
}
