CREATE TABLE `evaluation_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`scope` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `evaluation_notes_scope_idx` ON `evaluation_notes` (`organisation_id`,`scope`,`created_at`);--> statement-breakpoint
CREATE TABLE `indicator_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`quarter` text NOT NULL,
	`indicator` text NOT NULL,
	`value` integer,
	`author_id` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `indicator_entries_current_idx` ON `indicator_entries` (`organisation_id`,`quarter`,`indicator`,`recorded_at`);