import { lintTextRu } from '$lib/lint/messages';
import { ru } from './translations-ru';

/** The locales the designer speaks. */
export type ModelerLocale = 'ru' | 'en';

/**
 * Builds bpmn-js's `translate(template, replacements)` service: looks the template up in the
 * locale's table (English is the identity) and fills `{placeholders}`.
 */
export function createTranslate(locale: ModelerLocale) {
	const table: Record<string, string> = locale === 'ru' ? ru : {};
	return function translate(template: string, replacements: Record<string, string> = {}): string {
		// bpmn-js-bpmnlint passes each finding's English message through translate as well.
		const text = table[template] ?? (locale === 'ru' ? lintTextRu(template) : undefined) ?? template;
		return text.replace(/{([^}]+)}/g, (match, key: string) => replacements[key] ?? match);
	};
}
