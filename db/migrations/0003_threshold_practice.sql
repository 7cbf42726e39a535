CREATE TABLE `calibration_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`created_by` text NOT NULL,
	`title` text NOT NULL,
	`vignette_ids` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calibration_rounds_org_idx` ON `calibration_rounds` (`organisation_id`,`opens_at`);--> statement-breakpoint
CREATE TABLE `round_participants` (
	`round_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`round_id`, `person_id`),
	FOREIGN KEY (`round_id`) REFERENCES `calibration_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `round_participants_person_idx` ON `round_participants` (`person_id`);--> statement-breakpoint
CREATE TABLE `threshold_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`vignette_id` text NOT NULL,
	`vignette_version` integer NOT NULL,
	`round_id` text,
	`snapshot` text NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'in-progress' NOT NULL,
	`screening` text,
	`decision` text,
	`likelihood` text,
	`significant` text,
	`started_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `calibration_rounds`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `threshold_attempts_person_idx` ON `threshold_attempts` (`person_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `threshold_attempts_org_vignette_idx` ON `threshold_attempts` (`organisation_id`,`vignette_id`,`status`);--> statement-breakpoint
CREATE INDEX `threshold_attempts_round_idx` ON `threshold_attempts` (`round_id`);--> statement-breakpoint
CREATE TABLE `threshold_events` (
	`attempt_id` text NOT NULL,
	`revision` integer NOT NULL,
	`event` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `revision`),
	FOREIGN KEY (`attempt_id`) REFERENCES `threshold_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
