import { json } from '@sveltejs/kit';
import { translator, type Locale } from '$lib/i18n';
import type { ReportTable } from './common';
import { downloadResponse } from './export';
import { UserError } from '../errors';

/**
 * How a report endpoint answers: JSON by default (the read-only feed for Power BI or Looker
 * Studio, with a workspace API token), or a download for `format=xlsx|csv`.
 */
export async function reportResponse<R>(
	params: URLSearchParams,
	locale: Locale,
	report: R,
	tables: (report: R, t: (key: string) => string) => ReportTable[],
	filename: string
): Promise<Response> {
	const format = params.get('format');
	if (format === null || format === 'json') return json(report);
	if (format !== 'xlsx' && format !== 'csv') throw new UserError('validation', {}, [{ field: 'format', message: `unknown_option:${format} (json, xlsx, csv)` }]);
	const t = translator(locale) as unknown as (key: string) => string;
	return downloadResponse(tables(report, t), format, filename);
}
