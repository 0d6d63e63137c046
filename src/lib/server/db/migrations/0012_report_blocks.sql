CREATE TABLE `crm_funnel_blocks` (
	`workspace_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`level` integer NOT NULL,
	`block` integer NOT NULL,
	`stage` text NOT NULL,
	`responsible_id` text NOT NULL,
	`source` text NOT NULL,
	`repeat` integer NOT NULL,
	`loss_reason` text NOT NULL,
	`entered` integer NOT NULL,
	`moved_on` integer NOT NULL,
	`lost` integer NOT NULL,
	`still` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `pipeline`, `level`, `block`, `stage`, `responsible_id`, `source`, `repeat`, `loss_reason`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `crm_funnel_outcome_blocks` (
	`workspace_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`level` integer NOT NULL,
	`block` integer NOT NULL,
	`responsible_id` text NOT NULL,
	`source` text NOT NULL,
	`repeat` integer NOT NULL,
	`status` text NOT NULL,
	`records` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `pipeline`, `level`, `block`, `responsible_id`, `source`, `repeat`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `crm_stage_time_blocks` (
	`workspace_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`level` integer NOT NULL,
	`block` integer NOT NULL,
	`measure` integer NOT NULL,
	`stage` text NOT NULL,
	`responsible_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`stays` integer NOT NULL,
	`total_ms` integer NOT NULL,
	`min_ms` integer NOT NULL,
	`max_ms` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `pipeline`, `level`, `block`, `measure`, `stage`, `responsible_id`, `bucket`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `crm_stage_time_dirty_days` (
	`workspace_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`day` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `pipeline`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The day roll-up is replaced by blocks of days: rebuilt from the stays on the first read.
DROP TABLE `crm_funnel_days`;--> statement-breakpoint
DROP TABLE `crm_funnel_outcome_days`;--> statement-breakpoint
INSERT OR IGNORE INTO `crm_funnel_dirty_days` SELECT DISTINCT `workspace_id`, `pipeline`, `record_created_at` / 86400000 FROM `crm_stage_visits`;--> statement-breakpoint
INSERT OR IGNORE INTO `crm_stage_time_dirty_days` SELECT DISTINCT `workspace_id`, `pipeline`, `left_at` / 86400000 FROM `crm_stage_visits` WHERE `left_at` IS NOT NULL;