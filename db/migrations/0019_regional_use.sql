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
CREATE TABLE `evaluation_snapshots` (
	`organisation_id` text NOT NULL,
	`key` text NOT NULL,
	`computed_at` integer NOT NULL,
	`levels` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `key`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `kind` text DEFAULT 'council' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `shares_figures_since` integer;--> statement-breakpoint
CREATE INDEX `knowledge_check_attempts_first_idx` ON `knowledge_check_attempts` (`organisation_id`,`person_id`,`module_id`,`submitted_at`,`score`,`total`);