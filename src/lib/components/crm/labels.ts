import { t } from '$lib/i18n/t.svelte';

/** Built-in types by their plural («Сделки»), custom types (smart processes) by their name. */
export function typePlural(type: { key: string; name: string; builtIn: boolean }): string {
	return type.builtIn ? t(`crm.types.${type.key}.plural`) : type.name;
}

/** «Сделка», «Контакт»… for a built-in type; a custom type's own name. */
export function typeSingular(type: { key: string; name: string; builtIn: boolean }): string {
	return type.builtIn ? t(`crm.types.${type.key}.one`) : type.name;
}

/** Card URL of a record. */
export const recordHref = (ws: string, type: string, id: string) => `/w/${ws}/records/${type}/${id}`;

const ORDER = ['lead', 'deal', 'contact', 'company'];

/** Types as people expect them: leads, deals, contacts, companies, then custom types as created. */
export function inCrmOrder<T extends { key: string }>(types: readonly T[]): T[] {
	const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);
	return [...types].sort((a, b) => rank(a.key) - rank(b.key));
}
