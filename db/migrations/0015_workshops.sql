CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`workshop_id` text NOT NULL,
	`person_id` text NOT NULL,
	`state` text NOT NULL,
	`seq` integer NOT NULL,
	`seat` integer,
	`booked_by` text,
	`request_key` text,
	`queued_at` integer NOT NULL,
	`booked_at` integer,
	`ended_at` integer,
	`moved_to` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`booked_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_live_person_uq` ON `bookings` (`workshop_id`,`person_id`) WHERE state in ('booked', 'waiting');--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_seat_uq` ON `bookings` (`workshop_id`,`seat`) WHERE state = 'booked';--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_seq_uq` ON `bookings` (`workshop_id`,`seq`);--> statement-breakpoint
CREATE INDEX `bookings_person_idx` ON `bookings` (`person_id`,`state`);--> statement-breakpoint
CREATE TABLE `register_rows` (
	`workshop_id` text NOT NULL,
	`person_id` text NOT NULL,
	`mark` text NOT NULL,
	`minutes` integer,
	`walk_in` integer DEFAULT false NOT NULL,
	`marked_by` text,
	`marked_at` integer NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workshop_id`, `person_id`),
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marked_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `register_rows_person_idx` ON `register_rows` (`person_id`);--> statement-breakpoint
CREATE TABLE `workshop_facilitators` (
	`workshop_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`workshop_id`, `person_id`),
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workshop_facilitators_person_idx` ON `workshop_facilitators` (`person_id`);--> statement-breakpoint
CREATE TABLE `workshop_reactions` (
	`workshop_id` text NOT NULL,
	`person_id` text NOT NULL,
	`usefulness` integer NOT NULL,
	`relevance` integer NOT NULL,
	`confidence` integer NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`workshop_id`, `person_id`),
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workshop_teams` (
	`workshop_id` text NOT NULL,
	`team_id` text NOT NULL,
	PRIMARY KEY(`workshop_id`, `team_id`),
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workshops` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`venue` text,
	`online_link` text,
	`delivery_language` text NOT NULL,
	`places` integer NOT NULL,
	`booking_closes_on` text NOT NULL,
	`open_to_all` integer DEFAULT true NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `workshops_organisation_idx` ON `workshops` (`organisation_id`,`date`);--> statement-breakpoint
CREATE INDEX `workshops_programme_idx` ON `workshops` (`organisation_id`,`programme_id`);