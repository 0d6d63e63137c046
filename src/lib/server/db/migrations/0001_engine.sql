CREATE TABLE `engine_buffered_messages` (
	`id` text NOT NULL,
	`tenant` text NOT NULL,
	`name` text NOT NULL,
	`correlation_key` text,
	`variables` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `engine_buffered_messages_name_idx` ON `engine_buffered_messages` (`tenant`,`name`,`correlation_key`);--> statement-breakpoint
CREATE TABLE `engine_definitions` (
	`tenant` text NOT NULL,
	`key` text NOT NULL,
	`process_id` text NOT NULL,
	`version` integer NOT NULL,
	`model` text NOT NULL,
	`deployed_at` integer NOT NULL,
	PRIMARY KEY(`tenant`, `key`)
);
--> statement-breakpoint
CREATE INDEX `engine_definitions_process_idx` ON `engine_definitions` (`tenant`,`process_id`,`version`);--> statement-breakpoint
CREATE TABLE `engine_instances` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`definition_key` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `engine_instances_status_idx` ON `engine_instances` (`tenant`,`status`);--> statement-breakpoint
CREATE INDEX `engine_instances_definition_idx` ON `engine_instances` (`tenant`,`definition_key`);--> statement-breakpoint
CREATE TABLE `engine_jobs` (
	`id` text NOT NULL,
	`tenant` text NOT NULL,
	`instance_id` text NOT NULL,
	`token_id` integer NOT NULL,
	`element_id` text NOT NULL,
	`type` text NOT NULL,
	`retries` integer NOT NULL,
	`due_at` integer NOT NULL,
	`inputs` text NOT NULL,
	`lease_until` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `engine_jobs_due_idx` ON `engine_jobs` (`tenant`,`type`,`due_at`);--> statement-breakpoint
CREATE TABLE `engine_message_subscriptions` (
	`id` text NOT NULL,
	`tenant` text NOT NULL,
	`name` text NOT NULL,
	`correlation_key` text,
	`instance_id` text,
	`definition_key` text,
	`token_id` integer,
	`element_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `engine_message_subscriptions_name_idx` ON `engine_message_subscriptions` (`tenant`,`name`,`correlation_key`);--> statement-breakpoint
CREATE TABLE `engine_records` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`at` integer NOT NULL,
	`instance` text NOT NULL,
	`event` text NOT NULL,
	`element` text,
	`element_type` text,
	`token` integer,
	`message` text,
	`variables` text,
	`actor` text,
	`definition` text,
	`stage` text,
	`status` text
);
--> statement-breakpoint
CREATE INDEX `engine_records_instance_idx` ON `engine_records` (`instance`,`seq`);--> statement-breakpoint
CREATE INDEX `engine_records_tenant_idx` ON `engine_records` (`tenant`,`seq`);--> statement-breakpoint
CREATE TABLE `engine_signal_subscriptions` (
	`id` text NOT NULL,
	`tenant` text NOT NULL,
	`name` text NOT NULL,
	`instance_id` text,
	`definition_key` text,
	`token_id` integer,
	`element_id` text NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `engine_signal_subscriptions_name_idx` ON `engine_signal_subscriptions` (`tenant`,`name`);--> statement-breakpoint
CREATE TABLE `engine_tasks` (
	`id` text NOT NULL,
	`tenant` text NOT NULL,
	`instance_id` text NOT NULL,
	`token_id` integer NOT NULL,
	`element_id` text NOT NULL,
	`name` text,
	`created_at` integer NOT NULL,
	`stage` text,
	`assignment` text,
	`due_at` integer,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `engine_tasks_instance_idx` ON `engine_tasks` (`instance_id`);--> statement-breakpoint
CREATE INDEX `engine_tasks_element_idx` ON `engine_tasks` (`tenant`,`element_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `engine_timers` (
	`id` text NOT NULL,
	`tenant` text NOT NULL,
	`instance_id` text,
	`definition_key` text,
	`token_id` integer,
	`element_id` text NOT NULL,
	`due_at` integer NOT NULL,
	`repetitions` integer,
	`lease_until` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `engine_timers_due_idx` ON `engine_timers` (`tenant`,`due_at`);