CREATE TABLE `confidence_prompts` (
	`person_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`moment` text NOT NULL,
	`skipped_at` integer,
	`answered_at` integer,
	PRIMARY KEY(`person_id`, `programme_id`, `moment`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `confidence_ratings` (
	`person_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`statement_id` text NOT NULL,
	`moment` text NOT NULL,
	`rating` integer NOT NULL,
	`organisation_id` text NOT NULL,
	`rated_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `programme_id`, `statement_id`, `moment`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `confidence_ratings_org_idx` ON `confidence_ratings` (`organisation_id`,`programme_id`);--> statement-breakpoint
CREATE TABLE `need_overrides` (
	`person_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`need` text NOT NULL,
	`reason` text NOT NULL,
	`set_by` text,
	`set_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `programme_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `need_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`team_id` text DEFAULT '' NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`need` text NOT NULL,
	`workshop_required` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `need_rules_uq` ON `need_rules` (`organisation_id`,`programme_id`,`team_id`,`role`);--> statement-breakpoint
CREATE TABLE `phase_teams` (
	`phase_id` text NOT NULL,
	`team_id` text NOT NULL,
	PRIMARY KEY(`phase_id`, `team_id`),
	FOREIGN KEY (`phase_id`) REFERENCES `rollout_phases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phase_teams_team_uq` ON `phase_teams` (`team_id`);--> statement-breakpoint
CREATE TABLE `rollout_phases` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`target_percent` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rollout_phases_org_idx` ON `rollout_phases` (`organisation_id`,`starts_on`);--> statement-breakpoint
ALTER TABLE `module_completions` ADD `locale` text;