CREATE TABLE `cpd_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`source_id` text NOT NULL,
	`programme_id` text,
	`title_en` text NOT NULL,
	`title_cy` text NOT NULL,
	`minutes` integer NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cpd_entries_person_idx` ON `cpd_entries` (`person_id`,`completed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `cpd_entries_source_uq` ON `cpd_entries` (`person_id`,`kind`,`source_id`);--> statement-breakpoint
CREATE TABLE `knowledge_check_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`module_id` text NOT NULL,
	`module_version` integer NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	`total` integer NOT NULL,
	`passed` integer NOT NULL,
	`started_at` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `knowledge_check_attempts_person_module_idx` ON `knowledge_check_attempts` (`person_id`,`module_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `module_completions` (
	`person_id` text NOT NULL,
	`module_id` text NOT NULL,
	`module_version` integer NOT NULL,
	`programme_id` text NOT NULL,
	`completed_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `module_id`, `module_version`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `module_completions_programme_idx` ON `module_completions` (`programme_id`);--> statement-breakpoint
CREATE TABLE `reflective_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`module_id` text,
	`module_version` integer,
	`prompt` text NOT NULL,
	`text` text NOT NULL,
	`shared_with_mentor` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reflective_entries_person_idx` ON `reflective_entries` (`person_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `section_visits` (
	`person_id` text NOT NULL,
	`module_id` text NOT NULL,
	`section_id` text NOT NULL,
	`first_visited_at` integer NOT NULL,
	`last_visited_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `module_id`, `section_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
