/**
 * ISO 8601 time values of timer events: durations (`P1DT2H`), dates (`2026-03-01T09:00:00Z`) and
 * repeating cycles (`R3/PT1H`, `R/PT10M`, `R5/2026-01-01T09:00:00Z/P1D`). Calendar parts (years,
 * months, days) are added in UTC, so `P1M` from 31 January lands where JavaScript's Date puts it.
 */

export interface IsoDuration {
	years: number;
	months: number;
	weeks: number;
	days: number;
	ms: number;
}

export interface IsoCycle {
	/** Remaining repetitions; -1 repeats forever. */
	repetitions: number;
	start?: number;
	period: IsoDuration;
}

const durationPattern = /^(-)?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration, or returns undefined. */
export function parseDuration(text: string): IsoDuration | undefined {
	const m = durationPattern.exec(text.trim());
	if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
	const n = (i: number) => Number((m[i] ?? '0').replace(',', '.'));
	const sign = m[1] ? -1 : 1;
	return {
		years: sign * n(2),
		months: sign * n(3),
		weeks: sign * n(4),
		days: sign * n(5),
		ms: sign * (n(6) * 3_600_000 + n(7) * 60_000 + Math.round(n(8) * 1000))
	};
}

/** Adds a duration to a point in time. */
export function addDuration(at: number, d: IsoDuration): number {
	let t = at;
	if (d.years !== 0 || d.months !== 0 || d.weeks !== 0 || d.days !== 0) {
		const date = new Date(at);
		date.setUTCFullYear(date.getUTCFullYear() + d.years, date.getUTCMonth() + d.months, date.getUTCDate() + d.weeks * 7 + d.days);
		t = date.getTime();
	}
	return t + d.ms;
}

/** Parses an ISO 8601 date-time; a value without a zone is read as UTC. */
export function parseDateTime(text: string): number | undefined {
	const trimmed = text.trim();
	if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) return undefined;
	const zoned = /T/.test(trimmed) && !/(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? `${trimmed}Z` : trimmed;
	const at = Date.parse(zoned);
	return Number.isNaN(at) ? undefined : at;
}

/** Parses `R[n]/[start/]duration`, or returns undefined. */
export function parseCycle(text: string): IsoCycle | undefined {
	const parts = text.trim().split('/');
	const head = parts[0] ?? '';
	if (!/^R\d*$/.test(head) || parts.length < 2 || parts.length > 3) return undefined;
	const repetitions = head === 'R' ? -1 : Number(head.slice(1));
	const start = parts.length === 3 ? parseDateTime(parts[1] ?? '') : undefined;
	const period = parseDuration(parts[parts.length - 1] ?? '');
	if (!period || (parts.length === 3 && start === undefined)) return undefined;
	return { repetitions, period, ...(start !== undefined ? { start } : {}) };
}
