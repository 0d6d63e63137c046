import type { FieldOption } from '../db/schema/crm';
import type { FieldProblem } from '../errors';
import { keyFromLabel, uniqueKey } from './field-keys';

/** An option as a form or the API sends it: a new one has no key yet. */
export interface OptionInput {
	key?: string;
	label: string;
	archived?: boolean;
}

/**
 * Applies an edited option list to a field's options. Options are matched by
 * key, so renaming a label keeps every record's value. A new option gets a key
 * made from its label. An option left out of the list is dropped when no
 * record holds it, and kept as archived (readable, no longer selectable) when
 * some do. Returns the new list or the problems found.
 */
export function editOptions(current: readonly FieldOption[], incoming: readonly OptionInput[], used: ReadonlySet<string>): { options: FieldOption[] } | { problems: FieldProblem[] } {
	const problems: FieldProblem[] = [];
	const byKey = new Map(current.map((o) => [o.key, o]));
	const taken = new Set(current.map((o) => o.key));
	const seenKeys = new Set<string>();
	const seenLabels = new Set<string>();
	const options: FieldOption[] = [];

	incoming.forEach((input, i) => {
		const label = input.label.trim();
		if (label === '') {
			problems.push({ field: `options.${i}.label`, message: 'required' });
			return;
		}
		let key = input.key?.trim();
		if (key === undefined || key === '') {
			key = uniqueKey(keyFromLabel(label, 'option'), (k) => taken.has(k) || seenKeys.has(k));
		}
		if (seenKeys.has(key)) {
			problems.push({ field: `options.${i}.key`, message: `option_duplicate:${key}` });
			return;
		}
		const archived = input.archived === true;
		if (!archived) {
			const folded = label.toLowerCase();
			if (seenLabels.has(folded)) problems.push({ field: `options.${i}.label`, message: `option_duplicate:${label}` });
			seenLabels.add(folded);
		}
		seenKeys.add(key);
		options.push(archived ? { key, label, archived } : { key, label });
	});

	for (const old of current) {
		if (seenKeys.has(old.key) || !used.has(old.key)) continue;
		options.push({ key: old.key, label: byKey.get(old.key)!.label, archived: true });
	}
	if (problems.length === 0 && !options.some((o) => !o.archived)) problems.push({ field: 'options', message: 'options_required' });
	return problems.length > 0 ? { problems } : { options };
}
