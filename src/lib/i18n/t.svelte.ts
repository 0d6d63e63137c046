import { page } from '$app/state';
import { DEFAULT_LOCALE, isLocale, translator } from './index';

/**
 * Translates in components, in the language of the current page's data
 * (`locale` from the root layout). Reading `page` makes every use reactive,
 * so switching the language re-renders the strings.
 */
export function t(key: string, options?: Record<string, unknown>): string {
	const locale = page.data.locale;
	return translator(isLocale(locale) ? locale : DEFAULT_LOCALE)(key, options ?? {}) as string;
}

/** Formats a date-time in the page's language. */
export function formatDate(date: Date | string | number): string {
	const locale = page.data.locale === 'en' ? 'en-GB' : 'ru-RU';
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(typeof date === 'object' ? date : new Date(date)); // eslint-disable-line svelte/prefer-svelte-reactivity -- a one-off value, not state
}
