import { json } from '@sveltejs/kit';
import { translator, type Locale } from '$lib/i18n';
import type { ReportTable } from './common';
import { downloadResponse } from './export';
import { UserError } from '../errors';

export type ReportFormat = 'json' | 'xlsx' | 'csv';

/** The `format` query parameter of a report endpoint, checked before any work is done. */
export function reportFormat(params: URLSearchParams): ReportFormat {
	const format = params.get('format') ?? 'json';
	if (format === 'json' || format === 'xlsx' || format === 'csv') return format;
	throw new UserError('validation', {}, [{ field: 'format', message: `unknown_option:${format} (json, xlsx, csv)` }]);
}

/**
 * How a report endpoint answers: JSON (the read-only feed for Power BI or Looker Studio, with a
 * workspace API token), or a download for `xlsx` / `csv`.
 */
export async function reportResponse<R>(
	format: ReportFormat,
	locale: Locale,
	report: R,
	tables: (report: R, t: (key: string) => string) => ReportTable[],
	filename: string
): Promise<Response> {
	if (format === 'json') return json(report);
	const t = translator(locale) as unknown as (key: string) => string;
	return downloadResponse(tables(report, t), format, filename);
}
