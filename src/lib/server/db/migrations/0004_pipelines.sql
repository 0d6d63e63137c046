CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`record_id` text,
	`task_id` text,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`workspace_id`,`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `pipelines` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`process_id` text NOT NULL,
	`entity_type_id` text NOT NULL,
	`current_version_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_type_id`) REFERENCES `crm_entity_types`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`current_version_id`) REFERENCES `process_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pipelines_key_idx` ON `pipelines` (`workspace_id`,`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `pipelines_process_idx` ON `pipelines` (`process_id`);--> statement-breakpoint
CREATE INDEX `pipelines_type_idx` ON `pipelines` (`workspace_id`,`entity_type_id`);--> statement-breakpoint
CREATE TABLE `process_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`process_id` text NOT NULL,
	`version` integer NOT NULL,
	`revision_number` integer NOT NULL,
	`sha256` text NOT NULL,
	`definition_key` text NOT NULL,
	`engine_process_id` text NOT NULL,
	`entity_type_id` text NOT NULL,
	`pipeline_key` text NOT NULL,
	`pipeline_name` text NOT NULL,
	`stages` text NOT NULL,
	`final_statuses` text NOT NULL,
	`loss_reasons` text DEFAULT '[]' NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_type_id`) REFERENCES `crm_entity_types`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `process_versions_number_idx` ON `process_versions` (`process_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `process_versions_definition_idx` ON `process_versions` (`workspace_id`,`definition_key`);--> statement-breakpoint
CREATE INDEX `process_versions_pipeline_idx` ON `process_versions` (`workspace_id`,`pipeline_key`,`version`);--> statement-breakpoint
CREATE TABLE `crm_record_instances` (
	`instance_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`record_id` text NOT NULL,
	`version_id` text NOT NULL,
	`main` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `process_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `crm_record_instances_record_idx` ON `crm_record_instances` (`record_id`);--> statement-breakpoint
CREATE INDEX `crm_record_instances_version_idx` ON `crm_record_instances` (`version_id`);