import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database, Tx } from '../db';

/**
 * Blocks of UTC days, the unit of the reports' roll-ups: level 0 is one day (block = days since
 * 1970-01-01), level L the 2^L days from block·2^L. A range of days splits into at most two
 * blocks per level (the binary decomposition a Fenwick or segment tree uses), so reading a year
 * touches about fifteen blocks, and a changed day rebuilds its block and one parent per level.
 */

/** The highest level kept: blocks of 1,024 days (2.8 years); longer periods read several. */
export const TOP_LEVEL = 10;

export interface BlockRange {
	level: number;
	/** First and last block of this level in the range, both included. */
	first: number;
	last: number;
}

/** The fewest aligned blocks that exactly cover days [from, to), as ranges of consecutive blocks per level. */
export function blocksOf(from: number, to: number): BlockRange[] {
	const ranges: BlockRange[] = [];
	let day = from;
	while (day < to) {
		let level = 0;
		while (level < TOP_LEVEL && day % 2 ** (level + 1) === 0 && day + 2 ** (level + 1) <= to) level++;
		const block = day / 2 ** level;
		const last = ranges.at(-1);
		if (last && last.level === level && last.last === block - 1) last.last = block;
		else ranges.push({ level, first: block, last: block });
		day += 2 ** level;
	}
	return ranges;
}

/** The columns every roll-up table starts its key with. */
interface BlockColumns {
	workspaceId: SQLiteColumn;
	pipeline: SQLiteColumn;
	level: SQLiteColumn;
	block: SQLiteColumn;
}

/**
 * The rows of a roll-up `table` for one pipeline and the days [from, to) (a `union all` of one
 * range of blocks per level) that also meet `filter`, as selected by `columns`.
 */
export function rowsOfPeriod(table: SQLiteTable & BlockColumns, columns: SQL, workspaceId: string, pipeline: string, days: { from: number; to: number }, filter?: SQL): SQL {
	const select = (range: BlockRange) =>
		sql`select ${columns} from ${table} where ${and(
			eq(table.workspaceId, workspaceId),
			eq(table.pipeline, pipeline),
			eq(table.level, range.level),
			gte(table.block, range.first),
			lte(table.block, range.last),
			filter
		)}`;
	const ranges = blocksOf(days.from, days.to);
	if (ranges.length === 0) return select({ level: -1, first: 0, last: -1 });
	return sql.join(
		ranges.map((range) => sql`select * from (${select(range)})`),
		sql` union all `
	);
}

/** How a roll-up table's rows merge: its grouping columns and how each measure combines. */
export interface RollupShape {
	table: string;
	keys: readonly string[];
	sums: readonly string[];
	mins?: readonly string[];
	maxes?: readonly string[];
}

const ids = (names: readonly string[]) => names.map((n) => `"${n}"`);

/**
 * Rebuilds the blocks above level 0 that contain `days` (whose level-0 rows are already
 * current), level by level, each as the merge of its two halves.
 */
export async function rebuildAncestorsTx(tx: Tx, shape: RollupShape, workspaceId: string, pipeline: string, days: readonly number[]): Promise<void> {
	let blocks = [...new Set(days)];
	const keys = ids(shape.keys);
	const measures = [
		...ids(shape.sums).map((c) => [c, `sum(${c})`]),
		...ids(shape.mins ?? []).map((c) => [c, `min(${c})`]),
		...ids(shape.maxes ?? []).map((c) => [c, `max(${c})`])
	];
	const table = sql.raw(`"${shape.table}"`);
	const columns = sql.raw([...keys, ...measures.map(([c]) => c)].join(', '));
	const merged = sql.raw([...keys, ...measures.map(([, m]) => m)].join(', '));
	const grouping = sql.raw(keys.join(', '));
	for (let level = 1; level <= TOP_LEVEL; level++) {
		blocks = [...new Set(blocks.map((b) => Math.floor(b / 2)))];
		const list = JSON.stringify(blocks);
		await tx.run(sql`delete from ${table} where workspace_id = ${workspaceId} and pipeline = ${pipeline} and level = ${sql.raw(String(level))}
			and block in (select value from json_each(${list}))`);
		await tx.run(sql`insert into ${table} (workspace_id, pipeline, level, block, ${columns})
			select workspace_id, pipeline, ${sql.raw(String(level))}, block / 2, ${merged} from ${table}
			where workspace_id = ${workspaceId} and pipeline = ${pipeline} and level = ${sql.raw(String(level - 1))}
				and block in (select value * 2 from json_each(${list}) union all select value * 2 + 1 from json_each(${list}))
			group by block / 2, ${grouping}`);
	}
}

/** Dirty days rebuilt per write transaction, so other writers (the runtime, the CRM) wait at most one batch. */
const DAYS_PER_BATCH = 8;

/**
 * Brings a pipeline's roll-up up to date: takes the days marked in `dirtyTable` (by the writes
 * that changed their stays, in their own transactions), a batch per write transaction, and has
 * `rebuild` replace their level-0 rows; the blocks above them follow. Returns how many days.
 */
export async function refreshRollup(
	database: Database,
	dirtyTable: string,
	workspaceId: string,
	pipeline: string,
	rebuild: (tx: Tx, days: readonly number[]) => Promise<void>
): Promise<number> {
	const table = sql.raw(`"${dirtyTable}"`);
	const ofPipeline = sql`workspace_id = ${workspaceId} and pipeline = ${pipeline}`;
	// A read first: most reports find nothing to do and need not wait for the write lock. The days
	// dirty now are rebuilt, batch by batch; days marked meanwhile wait for the next report or the refresher.
	const pending = (await database.db.all<{ day: number }>(sql`select day from ${table} where ${ofPipeline} order by day`)).map((r) => Number(r.day));
	let total = 0;
	for (let i = 0; i < pending.length; i += DAYS_PER_BATCH) {
		const batch = JSON.stringify(pending.slice(i, i + DAYS_PER_BATCH));
		total += await database.write(async (tx) => {
			// Only the days still marked: another report or the refresher may have done some already.
			const days = (await tx.all<{ day: number }>(sql`select day from ${table} where ${ofPipeline} and day in (select value from json_each(${batch}))`)).map((r) => Number(r.day));
			if (days.length === 0) return 0;
			await tx.run(sql`delete from ${table} where ${ofPipeline} and day in (select value from json_each(${JSON.stringify(days)}))`);
			await rebuild(tx, days);
			return days.length;
		});
	}
	return total;
}
