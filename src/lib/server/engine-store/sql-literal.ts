/** A value the engine store writes: text, a finite number, or NULL. */
export type SqlValue = string | number | null;

/**
 * An SQL literal for SQLite, so that a command's writes travel as one script (one driver call)
 * instead of one bound statement each. Text is quoted with `'` doubled — SQLite's only escape in a
 * string literal; text holding NUL (which would end the script early) is written as hex UTF-8
 * cast to text. Numbers must be finite (integers in practice: times, versions, token ids).
 */
export function sqlLiteral(value: SqlValue): string {
	if (value === null) return 'NULL';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`Expected a finite number to write, but got ${value}`);
		return String(value);
	}
	if (value.indexOf('\u0000') >= 0) return `CAST(X'${Buffer.from(value, 'utf8').toString('hex')}' AS TEXT)`;
	return value.indexOf("'") >= 0 ? `'${value.replaceAll("'", "''")}'` : `'${value}'`;
}

/** `(a, b, c)` of the literals of `values` at `columns` (all of them by default). */
export function sqlTuple(values: SqlValue[], columns?: number[]): string {
	let out = '(';
	const n = columns ? columns.length : values.length;
	for (let i = 0; i < n; i++) out += (i === 0 ? '' : ', ') + sqlLiteral(values[columns ? (columns[i] as number) : i] as SqlValue);
	return out + ')';
}
