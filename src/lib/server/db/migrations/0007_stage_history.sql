CREATE TABLE `crm_stage_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`record_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`stage` text NOT NULL,
	`record_created_at` integer NOT NULL,
	`entered_at` integer NOT NULL,
	`left_at` integer,
	`next_stage` text,
	`exit_status` text,
	`loss_reason` text,
	`responsible_id` text,
	`source` text,
	`repeat` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_stage_visits_cohort_idx` ON `crm_stage_visits` (`workspace_id`,`pipeline`,`record_created_at`);--> statement-breakpoint
CREATE INDEX `crm_stage_visits_left_idx` ON `crm_stage_visits` (`workspace_id`,`pipeline`,`left_at`);--> statement-breakpoint
CREATE INDEX `crm_stage_visits_open_idx` ON `crm_stage_visits` (`workspace_id`,`pipeline`,`stage`,`entered_at`) WHERE left_at is null;--> statement-breakpoint
CREATE INDEX `crm_stage_visits_record_idx` ON `crm_stage_visits` (`record_id`,`entered_at`);--> statement-breakpoint
ALTER TABLE `crm_records` ADD `repeat` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Records that moved before this table existed: their stays, rebuilt from the timeline's stage changes.
INSERT INTO `crm_stage_visits` (`workspace_id`, `record_id`, `pipeline`, `stage`, `record_created_at`, `entered_at`, `left_at`, `next_stage`, `responsible_id`, `source`)
SELECT v.workspace_id, v.record_id, v.pipeline, v.stage, r.created_at, v.entered_at, v.left_at, v.next_stage, r.responsible_id, json_extract(r.field_values, '$.source')
FROM (
	SELECT t.workspace_id, t.record_id,
		json_extract(t.payload, '$.pipeline') AS pipeline,
		json_extract(t.payload, '$.to') AS stage,
		t.created_at AS entered_at,
		lead(t.created_at) OVER w AS left_at,
		CASE WHEN lead(json_extract(t.payload, '$.pipeline')) OVER w = json_extract(t.payload, '$.pipeline') THEN lead(json_extract(t.payload, '$.to')) OVER w END AS next_stage
	FROM `crm_timeline` t
	WHERE t.kind = 'stage_changed'
	WINDOW w AS (PARTITION BY t.record_id ORDER BY t.id)
) v
JOIN `crm_records` r ON r.id = v.record_id
WHERE v.pipeline IS NOT NULL AND v.stage IS NOT NULL;
--> statement-breakpoint
-- A closed record's last stay ends when it closed, with its final status and loss reason.
UPDATE `crm_stage_visits` SET
	`left_at` = (SELECT max(t.created_at) FROM `crm_timeline` t WHERE t.record_id = `crm_stage_visits`.`record_id` AND t.kind = 'status_changed'),
	`exit_status` = (SELECT r.status FROM `crm_records` r WHERE r.id = `crm_stage_visits`.`record_id`),
	`loss_reason` = (SELECT json_extract(r.field_values, '$.loss_reason') FROM `crm_records` r WHERE r.id = `crm_stage_visits`.`record_id`)
WHERE `left_at` IS NULL AND EXISTS (SELECT 1 FROM `crm_records` r WHERE r.id = `crm_stage_visits`.`record_id` AND r.status <> 'open');
