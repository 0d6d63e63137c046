DROP INDEX `crm_stage_visits_cohort_idx`;--> statement-breakpoint
DROP INDEX `crm_stage_visits_left_idx`;--> statement-breakpoint
ALTER TABLE `crm_stage_visits` ADD `first_in_stage` integer DEFAULT true NOT NULL;--> statement-breakpoint
UPDATE `crm_stage_visits` SET `first_in_stage` = NOT EXISTS (
	SELECT 1 FROM `crm_stage_visits` e
	WHERE e.`record_id` = `crm_stage_visits`.`record_id` AND e.`pipeline` = `crm_stage_visits`.`pipeline` AND e.`stage` = `crm_stage_visits`.`stage`
		AND (e.`entered_at` < `crm_stage_visits`.`entered_at` OR (e.`entered_at` = `crm_stage_visits`.`entered_at` AND e.`id` < `crm_stage_visits`.`id`))
);--> statement-breakpoint
CREATE INDEX `crm_stage_visits_cohort_idx` ON `crm_stage_visits` (`workspace_id`,`pipeline`,`record_created_at`,`record_id`,`entered_at`,`stage`,`first_in_stage`,`left_at`,`next_stage`,`exit_status`,`loss_reason`,`responsible_id`,`source`,`repeat`);--> statement-breakpoint
CREATE INDEX `crm_stage_visits_left_idx` ON `crm_stage_visits` (`workspace_id`,`pipeline`,`left_at`,`stage`,`entered_at`,`responsible_id`,`exit_status`,`record_created_at`,`source`);