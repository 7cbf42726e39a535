CREATE TABLE `simulation_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`scenario_id` text NOT NULL,
	`scenario_version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'in-progress' NOT NULL,
	`outcome` text,
	`result` text,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `simulation_attempts_person_idx` ON `simulation_attempts` (`person_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `simulation_attempts_org_scenario_idx` ON `simulation_attempts` (`organisation_id`,`scenario_id`,`status`);--> statement-breakpoint
CREATE TABLE `simulation_events` (
	`attempt_id` text NOT NULL,
	`revision` integer NOT NULL,
	`event` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `revision`),
	FOREIGN KEY (`attempt_id`) REFERENCES `simulation_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `simulation_own_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`person_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`turn_id` text NOT NULL,
	`text` text NOT NULL,
	`code` text NOT NULL,
	`created_at` integer NOT NULL,
	`reviewed_at` integer,
	`reviewed_by` text,
	FOREIGN KEY (`attempt_id`) REFERENCES `simulation_attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `simulation_own_responses_review_idx` ON `simulation_own_responses` (`organisation_id`,`reviewed_at`);--> statement-breakpoint
CREATE INDEX `simulation_own_responses_person_idx` ON `simulation_own_responses` (`person_id`,`created_at`);