CREATE TABLE `review_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`process_id` text NOT NULL,
	`element_id` text,
	`element_name` text,
	`parent_id` text,
	`revision_number` integer NOT NULL,
	`text` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_comments_process_idx` ON `review_comments` (`process_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `review_comments_parent_idx` ON `review_comments` (`parent_id`);--> statement-breakpoint
CREATE TABLE `review_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`process_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`revision_number` integer NOT NULL,
	`sha256` text NOT NULL,
	`decision` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`signature` text DEFAULT '' NOT NULL,
	`comment_id` text,
	`ip` text NOT NULL,
	`user_agent` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `review_submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`comment_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_decisions_submission_idx` ON `review_decisions` (`submission_id`);--> statement-breakpoint
CREATE INDEX `review_decisions_sha_idx` ON `review_decisions` (`process_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `review_notification_links` (
	`notification_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`process_id` text NOT NULL,
	`revision_number` integer NOT NULL,
	`kind` text NOT NULL,
	`comment_id` text,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_notification_links_process_idx` ON `review_notification_links` (`process_id`);--> statement-breakpoint
CREATE TABLE `review_pictures` (
	`workspace_id` text NOT NULL,
	`process_id` text NOT NULL,
	`sha256` text NOT NULL,
	`svg` text NOT NULL,
	`png` blob,
	`created_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`process_id`, `sha256`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `review_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`approval_rule` text DEFAULT 'any' NOT NULL,
	`publish_only_approved` integer DEFAULT true NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `review_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`process_id` text NOT NULL,
	`revision_number` integer NOT NULL,
	`sha256` text NOT NULL,
	`as_is_number` integer,
	`message` text DEFAULT '' NOT NULL,
	`submitted_by` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`status` text NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_submissions_process_idx` ON `review_submissions` (`process_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `review_submissions_ws_status_idx` ON `review_submissions` (`workspace_id`,`status`);--> statement-breakpoint
CREATE INDEX `review_submissions_sha_idx` ON `review_submissions` (`process_id`,`sha256`);