import { createTranslate, type ModelerLocale } from './translate';

/** A didi module replacing bpmn-js's `translate` service with the given locale's one. */
export function createTranslateModule(locale: ModelerLocale) {
	return { translate: ['value', createTranslate(locale)] };
}

export { createTranslate, type ModelerLocale };
