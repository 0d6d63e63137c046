import { page } from '$app/state';
import { durationWords } from './duration-words';

/** A response time in minutes as people say it («12 мин», «3 ч 5 мин»), in the page's language. */
export function formatMinutes(minutes: number): string {
	return durationWords(minutes * 60_000, page.data.locale === 'en' ? 'en' : 'ru');
}
