import ExcelJS from 'exceljs';
import type { CellType, ReportTable } from './common';

/**
 * A report table as a download: XLSX with typed cells (numbers are numbers, percentages carry a
 * percent format, dates are dates) and CSV for anything else. One sheet per table.
 */

const NUMBER_FORMAT: Record<CellType, string | undefined> = {
	text: undefined,
	integer: '0',
	number: '0.00',
	percent: '0.0%',
	hours: '0.0',
	date: 'yyyy-mm-dd hh:mm'
};

export async function toXlsx(tables: readonly ReportTable[]): Promise<Uint8Array<ArrayBuffer>> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Potok';
	const used = new Set<string>();
	for (const table of tables) {
		const sheet = book.addWorksheet(sheetName(table.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = table.columns.map((c) => ({
			header: c.label,
			key: c.key,
			width: Math.min(48, Math.max(10, c.label.length + 2)),
			style: NUMBER_FORMAT[c.type] ? { numFmt: NUMBER_FORMAT[c.type] } : {}
		}));
		sheet.getRow(1).font = { bold: true };
		for (const row of table.rows) sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, cell(row[c.key] ?? null)])));
	}
	const written = new Uint8Array(await book.xlsx.writeBuffer());
	const bytes = new Uint8Array(written.byteLength);
	bytes.set(written);
	return bytes;
}

function cell(value: string | number | Date | null): string | number | Date | null {
	return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(name: string, used: Set<string>): string {
	const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
	let candidate = base;
	for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27)} (${n})`;
	used.add(candidate.toLowerCase());
	return candidate;
}

/**
 * CSV (RFC 4180, comma-separated, UTF-8 with a BOM so that Excel reads Cyrillic): tables one
 * after another, each under its name, separated by an empty line. Numbers use a dot; percent as
 * a fraction; dates as ISO 8601.
 */
export function toCsv(tables: readonly ReportTable[]): string {
	const blocks = tables.map((table) => {
		const lines = [table.columns.map((c) => quote(c.label)).join(',')];
		for (const row of table.rows) lines.push(table.columns.map((c) => quote(csvValue(row[c.key] ?? null))).join(','));
		return tables.length > 1 ? [quote(table.name), ...lines].join('\r\n') : lines.join('\r\n');
	});
	return '\uFEFF' + blocks.join('\r\n\r\n') + '\r\n';
}

function csvValue(value: string | number | Date | null): string {
	if (value === null) return '';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	return value;
}

function quote(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The HTTP response for a report download. */
export async function downloadResponse(tables: readonly ReportTable[], format: 'xlsx' | 'csv', filename: string): Promise<Response> {
	const encoded = encodeURIComponent(filename);
	if (format === 'xlsx') {
		return new Response(await toXlsx(tables), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encoded}.xlsx`
			}
		});
	}
	return new Response(toCsv(tables), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="report.csv"; filename*=UTF-8''${encoded}.csv` }
	});
}
