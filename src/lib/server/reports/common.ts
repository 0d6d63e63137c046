import { hasRole, type WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';

/**
 * What every report shares: the period it covers, whose numbers the caller may see, and the
 * table form each report also takes for XLSX and CSV downloads.
 */

/** A half-open interval of instants [from, to). */
export interface Period {
	from: Date;
	to: Date;
}

export const DAY = 86_400_000;

/** A number from SQLite (which may hand back a string for large sums, or null for none). */
export const num = (value: unknown): number => Number(value ?? 0);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string, name: string): Date {
	const at = isoDay.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
	if (Number.isNaN(at.getTime())) throw new UserError('validation', {}, [{ field: name, message: `invalid_date:${value}` }]);
	return at;
}

/**
 * The period of `from`/`to` query parameters: whole days (YYYY-MM-DD, both included, UTC —
 * workspaces have no time zone yet). Without them, the last 30 days up to today.
 */
export function parsePeriod(params: URLSearchParams, now = new Date()): Period {
	const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
	const toParam = params.get('to');
	const fromParam = params.get('from');
	const lastDay = toParam ? day(toParam, 'to') : today;
	const firstDay = fromParam ? day(fromParam, 'from') : new Date(lastDay.getTime() - 29 * DAY);
	if (firstDay > lastDay) throw new UserError('validation', {}, [{ field: 'from', message: 'period_reversed' }]);
	return { from: firstDay, to: new Date(lastDay.getTime() + DAY) };
}

/** The period as the `from`/`to` day strings it was parsed from (to inclusive). */
export function periodDays(period: Period): { from: string; to: string } {
	return { from: period.from.toISOString().slice(0, 10), to: new Date(period.to.getTime() - DAY).toISOString().slice(0, 10) };
}

/**
 * Whose numbers a caller sees: owners, managers and analysts see everyone's (and may filter by
 * a responsible); employees only their own — whatever they ask for; approvers none.
 */
export function reportResponsible(scope: Pick<WorkspaceScope, 'roles' | 'userId'>, requested?: string | null): string | undefined {
	if (hasRole(scope, 'owner', 'manager', 'analyst')) return requested || undefined;
	if (hasRole(scope, 'employee')) return scope.userId;
	throw new UserError('forbidden');
}

export type CellType = 'text' | 'integer' | 'number' | 'percent' | 'hours' | 'date';

export interface ReportColumn {
	key: string;
	label: string;
	type: CellType;
}

/**
 * A report as a plain table, for XLSX and CSV: typed columns and rows of values (`percent` as a
 * fraction 0…1, `hours` as a number of hours, `date` as a Date); null is an empty cell.
 */
export interface ReportTable {
	/** The sheet's name (Excel allows at most 31 characters). */
	name: string;
	columns: ReportColumn[];
	rows: Record<string, string | number | Date | null>[];
}
