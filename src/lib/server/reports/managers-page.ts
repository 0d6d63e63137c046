import { UserError } from '../errors';
import { parsePeriod, periodDays, type Period } from './common';
import { MANAGER_LISTS, type ManagerListKind } from './managers';

/**
 * The period of a report page's GET form. A reversed or malformed period does not fail the
 * page: it falls back to the last 30 days and says so.
 */
export function pagePeriod(params: URLSearchParams, now: Date): { period: Period; days: { from: string; to: string }; periodInvalid: boolean } {
	let period: Period;
	let periodInvalid = false;
	try {
		period = parsePeriod(params, now);
	} catch (e) {
		if (!(e instanceof UserError)) throw e;
		period = parsePeriod(new URLSearchParams(), now);
		periodInvalid = true;
	}
	return { period, days: periodDays(period), periodInvalid };
}

/** The `list` query parameter of a drill-down. */
export function parseManagerList(value: string | null): ManagerListKind {
	if (value && (MANAGER_LISTS as readonly string[]).includes(value)) return value as ManagerListKind;
	throw new UserError('validation', {}, [{ field: 'list', message: `invalid:${value ?? ''}` }]);
}
