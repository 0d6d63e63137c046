CREATE TABLE `processes` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`entity_type` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `processes_ws_idx` ON `processes` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`process_id` text NOT NULL,
	`track` text NOT NULL,
	`number` integer NOT NULL,
	`xml` text NOT NULL,
	`sha256` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`base_number` integer,
	`restored_from` integer,
	`copied_from` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_track_number_idx` ON `revisions` (`process_id`,`track`,`number`);--> statement-breakpoint
CREATE INDEX `revisions_ws_idx` ON `revisions` (`workspace_id`);