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
 * One i18next instance per language, created once. A translator is chosen per
 * request from the person's locale, so nothing about a user lives in module state.
 */
const instances = Object.fromEntries(
	LOCALES.map((lng) => {
		const instance = i18next.createInstance();
		void instance.init({
			lng,
			fallbackLng: 'ru',
			resources: { ru: { translation: ru }, en: { translation: en } },
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		return [lng, instance];
	})
) as Record<Locale, typeof i18next>;

export type Translate = TFunction;

export function translator(locale: Locale): Translate {
	return instances[locale].t;
}
