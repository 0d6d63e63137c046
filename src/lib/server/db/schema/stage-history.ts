import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { crmRecords } from './crm';
import { workspaces } from './workspaces';

/**
 * One row per stay of a record in a stage of a pipeline: when it came in, when it left, where
 * it went (the next stage, or the final status it closed with, and the loss reason). Written by
 * the CRM's one stage primitive (`setRecordStageTx`) in the same transaction as the move, so the
 * reports (funnel, time in stage, cycle) are aggregate SQL over this table alone. The record's
 * current responsible and source are copied onto its rows (and kept in step when they change),
 * so that filtering a report by them reads no JSON and joins nothing.
 */
export const crmStageVisits = sqliteTable(
	'crm_stage_visits',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		recordId: text('record_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		pipeline: text('pipeline').notNull(),
		stage: text('stage').notNull(),
		/** When the record was created: the funnel's cohort and the start of its cycle. */
		recordCreatedAt: integer('record_created_at').notNull(),
		enteredAt: integer('entered_at').notNull(),
		/** Null while the record is still in the stage. */
		leftAt: integer('left_at'),
		/** The stage it moved to; null when it closed, changed pipeline or is still here. */
		nextStage: text('next_stage'),
		/** The final status it closed with while in this stage (won, lost, spam, converted), or `merged`. */
		exitStatus: text('exit_status'),
		lossReason: text('loss_reason'),
		responsibleId: text('responsible_id'),
		source: text('source'),
		/** Copied from the record: it came from a contact or company already known. */
		repeat: integer('repeat', { mode: 'boolean' }).notNull().default(false),
		/** The record's first stay in this stage of this pipeline: the funnel counts a record once per stage by summing this. */
		firstInStage: integer('first_in_stage', { mode: 'boolean' }).notNull().default(true)
	},
	// The two report indexes cover every column their queries read, so a period is one range of
	// one index and no table rows are looked up: the funnel reads the cohort's stays in
	// (created, record) order, time in stage the stays that ended in the period.
	(t) => [
		index('crm_stage_visits_cohort_idx').on(
			t.workspaceId, t.pipeline, t.recordCreatedAt, t.recordId, t.enteredAt, t.stage, t.firstInStage, t.leftAt, t.nextStage, t.exitStatus,
			t.lossReason, t.responsibleId, t.source, t.repeat
		),
		index('crm_stage_visits_left_idx').on(t.workspaceId, t.pipeline, t.leftAt, t.stage, t.enteredAt, t.responsibleId, t.exitStatus, t.recordCreatedAt, t.source),
		index('crm_stage_visits_open_idx').on(t.workspaceId, t.pipeline, t.stage, t.enteredAt).where(sql`left_at is null`),
		index('crm_stage_visits_record_idx').on(t.recordId, t.enteredAt)
	]
);

/**
 * The reports' roll-ups are kept per *block* of UTC days: level 0 is one day (block = the day's
 * number since 1970-01-01), level L covers 2^L days starting at block·2^L. A period of whole days
 * is read as at most two blocks per level (reports/day-blocks.ts), so a year sums a few dozen
 * blocks rather than 365 days, and a changed day rebuilds its own block and its ancestors only.
 */

/**
 * The funnel's roll-up, by cohort (the UTC day the records were created): per stage,
 * responsible, source, new or repeat client and loss reason, how many records reached the stage,
 * moved on, were lost there and are there now. Each count is distinct per record within its row
 * and a record lies in one day and one (responsible, source, repeat) at a time, so the funnel of
 * any period is the sum of its blocks' rows. Rebuilt from `crm_stage_visits` for the days marked
 * dirty (in the background, or by the report that reads them first); empty strings stand for "none" (primary key columns).
 */
export const crmFunnelBlocks = sqliteTable(
	'crm_funnel_blocks',
	{
		workspaceId: text('workspace_id').notNull(),
		pipeline: text('pipeline').notNull(),
		level: integer('level').notNull(),
		block: integer('block').notNull(),
		stage: text('stage').notNull(),
		responsibleId: text('responsible_id').notNull(),
		source: text('source').notNull(),
		repeat: integer('repeat').notNull(),
		lossReason: text('loss_reason').notNull(),
		entered: integer('entered').notNull(),
		movedOn: integer('moved_on').notNull(),
		lost: integer('lost').notNull(),
		still: integer('still').notNull()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.pipeline, t.level, t.block, t.stage, t.responsibleId, t.source, t.repeat, t.lossReason] })]
);

/** Where each cohort's records stand now (open, won, lost, spam, converted, moved, merged), for the funnel's outcomes and breakdowns. */
export const crmFunnelOutcomeBlocks = sqliteTable(
	'crm_funnel_outcome_blocks',
	{
		workspaceId: text('workspace_id').notNull(),
		pipeline: text('pipeline').notNull(),
		level: integer('level').notNull(),
		block: integer('block').notNull(),
		responsibleId: text('responsible_id').notNull(),
		source: text('source').notNull(),
		repeat: integer('repeat').notNull(),
		status: text('status').notNull(),
		records: integer('records').notNull()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.pipeline, t.level, t.block, t.responsibleId, t.source, t.repeat, t.status] })]
);

/** Cohort days whose funnel rows are out of date: written in the same transaction as the stays that changed. */
export const crmFunnelDirtyDays = sqliteTable(
	'crm_funnel_dirty_days',
	{
		workspaceId: text('workspace_id').notNull(),
		pipeline: text('pipeline').notNull(),
		day: integer('day').notNull()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.pipeline, t.day] })]
);

/**
 * Time in stage's roll-up, by the UTC day the stays *ended*: a histogram of durations per
 * measure (0 a stay in `stage`; 1 a cycle from creation to won; 2 to any final status, `stage`
 * empty), stage and responsible, in buckets 5% wide (reports/durations.ts), each with its count,
 * total and its shortest and longest duration — enough for the exact count and average and for
 * percentiles within a bucket's width (exact where a bucket holds at most two values).
 */
export const crmStageTimeBlocks = sqliteTable(
	'crm_stage_time_blocks',
	{
		workspaceId: text('workspace_id').notNull(),
		pipeline: text('pipeline').notNull(),
		level: integer('level').notNull(),
		block: integer('block').notNull(),
		measure: integer('measure').notNull(),
		stage: text('stage').notNull(),
		responsibleId: text('responsible_id').notNull(),
		bucket: integer('bucket').notNull(),
		stays: integer('stays').notNull(),
		totalMs: integer('total_ms').notNull(),
		minMs: integer('min_ms').notNull(),
		maxMs: integer('max_ms').notNull()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.pipeline, t.level, t.block, t.measure, t.stage, t.responsibleId, t.bucket] })]
);

/** Days (by when stays ended) whose time-in-stage rows are out of date. */
export const crmStageTimeDirtyDays = sqliteTable(
	'crm_stage_time_dirty_days',
	{
		workspaceId: text('workspace_id').notNull(),
		pipeline: text('pipeline').notNull(),
		day: integer('day').notNull()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.pipeline, t.day] })]
);
