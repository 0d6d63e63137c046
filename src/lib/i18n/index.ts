import i18next, { type TFunction } from 'i18next';
import { en } from './en';
import { ru } from './ru';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * One i18next instance per language, created on first use (a page needs only its own: creating
 * one costs a browser's start a few milliseconds). A translator is chosen per request from the
 * person's locale, so nothing about a user lives in module state.
 */
const instances: Partial<Record<Locale, typeof i18next>> = {};

function instance(lng: Locale): typeof i18next {
	let created = instances[lng];
	if (!created) {
		created = i18next.createInstance();
		void created.init({
			lng,
			fallbackLng: 'ru',
			// Russian is every language's fallback
			resources: lng === 'ru' ? { ru: { translation: ru } } : { ru: { translation: ru }, en: { translation: en } },
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		instances[lng] = created;
	}
	return created;
}

export type Translate = TFunction;

export function translator(locale: Locale): Translate {
	return instance(locale).t;
}
