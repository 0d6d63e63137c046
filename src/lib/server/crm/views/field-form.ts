import type { FieldOption } from '../../db/schema/crm';
import type { OptionInput } from '../field-options';

/**
 * Enum options as the field settings form posts them: each current option's
 * label as `opt.<key>` (a ticked `drop.<key>` leaves it out — the library
 * archives it when records hold it), archived ones kept as they are, and new
 * options one per line in `newOptions`.
 */
export function fieldFormOptions(current: readonly FieldOption[], form: Record<string, string | string[]>): OptionInput[] {
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	const kept: OptionInput[] = current.flatMap((o) => {
		if (o.archived) return [{ key: o.key, label: o.label, archived: true }];
		if (text(form[`drop.${o.key}`]) === 'on') return [];
		const label = `opt.${o.key}` in form ? text(form[`opt.${o.key}`]) : o.label;
		return [{ key: o.key, label }];
	});
	const added = text(form.newOptions)
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map((label) => ({ label }));
	return [...kept, ...added];
}
