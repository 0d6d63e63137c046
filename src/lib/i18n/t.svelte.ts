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

const dateFormats = new Map<string, Intl.DateTimeFormat>(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a cache, not state

/** Formats a date-time in the page's language (one formatter per language: creating one costs tens of ms in a fresh tab). */
export function formatDate(date: Date | string | number): string {
	const locale = page.data.locale === 'en' ? 'en-GB' : 'ru-RU';
	let format = dateFormats.get(locale);
	if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
	return format.format(typeof date === 'object' ? date : new Date(date)); // eslint-disable-line svelte/prefer-svelte-reactivity -- a one-off value, not state
}
