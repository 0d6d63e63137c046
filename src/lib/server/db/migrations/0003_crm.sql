CREATE TABLE `crm_assignment_turns` (
	`workspace_id` text NOT NULL,
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	`last_turn` integer NOT NULL,
	PRIMARY KEY(`group_id`, `user_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_assignment_turns_ws_idx` ON `crm_assignment_turns` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `crm_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`record_id` text,
	`task_id` text,
	`author_id` text,
	`body` text NOT NULL,
	`is_result` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `crm_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_comments_record_idx` ON `crm_comments` (`record_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_comments_task_idx` ON `crm_comments` (`task_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `crm_entity_types` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_entity_types_key_idx` ON `crm_entity_types` (`workspace_id`,`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `crm_entity_types_name_idx` ON `crm_entity_types` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `crm_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`entity_type_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`multiple` integer DEFAULT false NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`system` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_type_id`) REFERENCES `crm_entity_types`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_fields_type_key_idx` ON `crm_fields` (`entity_type_id`,`key`);--> statement-breakpoint
CREATE INDEX `crm_fields_type_position_idx` ON `crm_fields` (`entity_type_id`,`position`);--> statement-breakpoint
CREATE TABLE `crm_links` (
	`workspace_id` text NOT NULL,
	`from_id` text NOT NULL,
	`to_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`from_id`, `to_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_links_to_idx` ON `crm_links` (`to_id`);--> statement-breakpoint
CREATE TABLE `crm_record_emails` (
	`record_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`entity_type_id` text NOT NULL,
	`email` text NOT NULL,
	PRIMARY KEY(`record_id`, `email`),
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_record_emails_lookup_idx` ON `crm_record_emails` (`workspace_id`,`entity_type_id`,`email`);--> statement-breakpoint
CREATE TABLE `crm_record_observers` (
	`record_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`record_id`, `user_id`),
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_record_observers_user_idx` ON `crm_record_observers` (`user_id`,`record_id`);--> statement-breakpoint
CREATE TABLE `crm_record_phones` (
	`record_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`entity_type_id` text NOT NULL,
	`phone` text NOT NULL,
	PRIMARY KEY(`record_id`, `phone`),
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_record_phones_lookup_idx` ON `crm_record_phones` (`workspace_id`,`entity_type_id`,`phone`);--> statement-breakpoint
CREATE TABLE `crm_records` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`entity_type_id` text NOT NULL,
	`pipeline` text,
	`stage` text,
	`status` text DEFAULT 'open' NOT NULL,
	`title` text NOT NULL,
	`responsible_id` text,
	`field_values` text DEFAULT '{}' NOT NULL,
	`amount` real,
	`currency` text,
	`search_text` text DEFAULT '' NOT NULL,
	`dedup_name` text,
	`instance_id` text,
	`merged_into` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_type_id`) REFERENCES `crm_entity_types`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_records_pipeline_idx` ON `crm_records` (`workspace_id`,`entity_type_id`,`pipeline`,`stage`,`updated_at`,`id`) WHERE merged_into is null;--> statement-breakpoint
CREATE INDEX `crm_records_updated_idx` ON `crm_records` (`workspace_id`,`entity_type_id`,`updated_at`,`id`,`search_text`) WHERE merged_into is null;--> statement-breakpoint
CREATE INDEX `crm_records_responsible_idx` ON `crm_records` (`workspace_id`,`entity_type_id`,`responsible_id`,`updated_at`,`id`) WHERE merged_into is null;--> statement-breakpoint
CREATE INDEX `crm_records_dedup_idx` ON `crm_records` (`workspace_id`,`entity_type_id`,`dedup_name`);--> statement-breakpoint
CREATE INDEX `crm_records_merged_idx` ON `crm_records` (`merged_into`);--> statement-breakpoint
CREATE TABLE `crm_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`auto_merge` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `crm_task_people` (
	`task_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`task_id`, `user_id`, `role`),
	FOREIGN KEY (`task_id`) REFERENCES `crm_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_task_people_user_idx` ON `crm_task_people` (`user_id`);--> statement-breakpoint
CREATE TABLE `crm_task_records` (
	`task_id` text NOT NULL,
	`record_id` text NOT NULL,
	PRIMARY KEY(`task_id`, `record_id`),
	FOREIGN KEY (`task_id`) REFERENCES `crm_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_task_records_record_idx` ON `crm_task_records` (`record_id`);--> statement-breakpoint
CREATE TABLE `crm_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`creator_id` text,
	`responsible_id` text,
	`deadline_at` integer,
	`result_required` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`result` text,
	`engine_task_id` text,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	`completed_by` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_tasks_responsible_idx` ON `crm_tasks` (`workspace_id`,`responsible_id`,`status`,`deadline_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `crm_tasks_engine_idx` ON `crm_tasks` (`workspace_id`,`engine_task_id`);--> statement-breakpoint
CREATE TABLE `crm_timeline` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`record_id` text NOT NULL,
	`origin_record_id` text,
	`kind` text NOT NULL,
	`actor_id` text,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`record_id`) REFERENCES `crm_records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_timeline_record_idx` ON `crm_timeline` (`record_id`,`id`);