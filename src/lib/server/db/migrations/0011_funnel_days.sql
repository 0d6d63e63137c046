CREATE TABLE `crm_funnel_days` (
	`workspace_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`day` integer NOT NULL,
	`stage` text NOT NULL,
	`responsible_id` text NOT NULL,
	`source` text NOT NULL,
	`repeat` integer NOT NULL,
	`loss_reason` text NOT NULL,
	`entered` integer NOT NULL,
	`moved_on` integer NOT NULL,
	`lost` integer NOT NULL,
	`still` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `pipeline`, `day`, `stage`, `responsible_id`, `source`, `repeat`, `loss_reason`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `crm_funnel_dirty_days` (
	`workspace_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`day` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `pipeline`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `crm_funnel_outcome_days` (
	`workspace_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`day` integer NOT NULL,
	`responsible_id` text NOT NULL,
	`source` text NOT NULL,
	`repeat` integer NOT NULL,
	`status` text NOT NULL,
	`records` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `pipeline`, `day`, `responsible_id`, `source`, `repeat`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Every cohort day that already has stays is built on the first read.
INSERT OR IGNORE INTO `crm_funnel_dirty_days` SELECT DISTINCT `workspace_id`, `pipeline`, `record_created_at` / 86400000 FROM `crm_stage_visits`;
