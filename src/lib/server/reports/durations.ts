import { sql, type SQL } from 'drizzle-orm';

/**
 * Durations as histograms, so that time in stage can be summed over blocks of days like the
 * funnel: a duration of d ms falls in bucket 0 below a second, otherwise in bucket
 * 1 + ⌊ln(d / 1 s) / ln 1.05⌋ — buckets 5% wide. A cell keeps a bucket's count, total, shortest and
 * longest duration; cells of any set of days merge by summing and taking min and max.
 *
 * From the cells: the count and the average are exact; a percentile is interpolated between the
 * two nearest ranks as Excel's PERCENTILE.INC and MEDIAN do, where the value at a rank is read
 * inside its bucket, spread evenly from the bucket's shortest to its longest duration. It is
 * exact at a bucket's first and last rank (so wherever a bucket holds one or two durations, or
 * equal ones), and otherwise off by less than the bucket's width: under 5%.
 */

const BUCKET_GROWTH = 1.05;

/** The SQL bucket of a duration in milliseconds (an integer expression). */
export function bucketOf(duration: SQL): SQL {
	return sql`(case when ${duration} < 1000 then 0 else 1 + cast(ln(${duration} / 1000.0) / ${sql.raw(String(Math.log(BUCKET_GROWTH)))} as integer) end)`;
}

/**
 * Count, average, median and 90th percentile per group of `cells`, which select `kind`, `g1`,
 * `g2` (the group), `bucket`, `n`, `total`, `lo` and `hi` (one row per group and bucket). `start` is the 0-based
 * rank of a bucket's first duration within its group, `count_all` the group's size; the p-th
 * percentile lies at rank p·(count_all − 1), between ranks ⌊p·(count_all − 1)⌋ and the next.
 */
export function histogramStats(cells: SQL): SQL {
	const at = (rank: string) => `(case when n = 1 then lo else lo + (hi - lo) * (${rank} - start) * 1.0 / (n - 1) end)`;
	const pick = (p: number) => {
		const r = `(${p} * (count_all - 1))`;
		const i = `cast(${r} as integer)`;
		const f = `(${r} - ${i})`;
		return sql.raw(`(sum(case when ${i} >= start and ${i} < start + n then ${at(i)} * (1 - ${f}) else 0 end)
			+ sum(case when ${i} + 1 >= start and ${i} + 1 < start + n then ${at(`(${i} + 1)`)} * ${f} else 0 end))`);
	};
	return sql`
		select kind, g1, g2, max(count_all) as n, sum(total) * 1.0 / max(count_all) as avg_ms, ${pick(0.5)} as p50, ${pick(0.9)} as p90
		from (
			select kind, g1, g2, bucket, n, total, lo, hi,
				sum(n) over (partition by kind, g1, g2 order by bucket rows unbounded preceding) - n as start,
				sum(n) over (partition by kind, g1, g2) as count_all
			from (${cells})
		) group by kind, g1, g2`;
}
