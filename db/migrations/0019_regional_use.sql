CREATE TABLE `platform_audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text,
	`organisation_id` text,
	`action` text NOT NULL,
	`detail` text,
	`ip` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `platform_audit_events_at_idx` ON `platform_audit_events` (`at`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `kind` text DEFAULT 'council' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `shares_figures_since` integer;