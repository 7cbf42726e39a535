-- Learning records carry their organisation, filled from each person's organisation. SQLite
-- cannot add a NOT NULL column with a foreign key in place, so each table is rebuilt.
CREATE TABLE `__new_cpd_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`source_id` text NOT NULL,
	`activity_id` text DEFAULT '' NOT NULL,
	`programme_id` text,
	`title_en` text NOT NULL,
	`title_cy` text NOT NULL,
	`minutes` integer NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_cpd_entries` (`id`, `person_id`, `kind`, `source_id`, `programme_id`, `title_en`, `title_cy`, `minutes`, `completed_at`, `activity_id`, `organisation_id`) SELECT `cpd_entries`.`id`, `cpd_entries`.`person_id`, `cpd_entries`.`kind`, `cpd_entries`.`source_id`, `cpd_entries`.`programme_id`, `cpd_entries`.`title_en`, `cpd_entries`.`title_cy`, `cpd_entries`.`minutes`, `cpd_entries`.`completed_at`, `cpd_entries`.`activity_id`, `people`.`organisation_id` FROM `cpd_entries` JOIN `people` ON `people`.`id` = `cpd_entries`.`person_id`;
--> statement-breakpoint
DROP TABLE `cpd_entries`;
--> statement-breakpoint
ALTER TABLE `__new_cpd_entries` RENAME TO `cpd_entries`;
--> statement-breakpoint
CREATE INDEX `cpd_entries_person_idx` ON `cpd_entries` (`person_id`,`completed_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `cpd_entries_source_uq` ON `cpd_entries` (`person_id`,`kind`,`source_id`);
--> statement-breakpoint
CREATE TABLE `__new_knowledge_check_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`module_id` text NOT NULL,
	`module_version` integer NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	`total` integer NOT NULL,
	`passed` integer NOT NULL,
	`started_at` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_knowledge_check_attempts` (`id`, `person_id`, `module_id`, `module_version`, `answers`, `score`, `total`, `passed`, `started_at`, `submitted_at`, `organisation_id`) SELECT `knowledge_check_attempts`.`id`, `knowledge_check_attempts`.`person_id`, `knowledge_check_attempts`.`module_id`, `knowledge_check_attempts`.`module_version`, `knowledge_check_attempts`.`answers`, `knowledge_check_attempts`.`score`, `knowledge_check_attempts`.`total`, `knowledge_check_attempts`.`passed`, `knowledge_check_attempts`.`started_at`, `knowledge_check_attempts`.`submitted_at`, `people`.`organisation_id` FROM `knowledge_check_attempts` JOIN `people` ON `people`.`id` = `knowledge_check_attempts`.`person_id`;
--> statement-breakpoint
DROP TABLE `knowledge_check_attempts`;
--> statement-breakpoint
ALTER TABLE `__new_knowledge_check_attempts` RENAME TO `knowledge_check_attempts`;
--> statement-breakpoint
CREATE INDEX `knowledge_check_attempts_person_module_idx` ON `knowledge_check_attempts` (`person_id`,`module_id`,`submitted_at`);
--> statement-breakpoint
CREATE TABLE `__new_reflective_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`module_id` text,
	`module_version` integer,
	`prompt` text NOT NULL,
	`text` text NOT NULL,
	`shared_with_mentor` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_reflective_entries` (`id`, `person_id`, `module_id`, `module_version`, `prompt`, `text`, `shared_with_mentor`, `created_at`, `updated_at`, `organisation_id`) SELECT `reflective_entries`.`id`, `reflective_entries`.`person_id`, `reflective_entries`.`module_id`, `reflective_entries`.`module_version`, `reflective_entries`.`prompt`, `reflective_entries`.`text`, `reflective_entries`.`shared_with_mentor`, `reflective_entries`.`created_at`, `reflective_entries`.`updated_at`, `people`.`organisation_id` FROM `reflective_entries` JOIN `people` ON `people`.`id` = `reflective_entries`.`person_id`;
--> statement-breakpoint
DROP TABLE `reflective_entries`;
--> statement-breakpoint
ALTER TABLE `__new_reflective_entries` RENAME TO `reflective_entries`;
--> statement-breakpoint
CREATE INDEX `reflective_entries_person_idx` ON `reflective_entries` (`person_id`,`created_at`);
--> statement-breakpoint
CREATE TABLE `__new_section_visits` (
	`person_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`module_id` text NOT NULL,
	`section_id` text NOT NULL,
	`first_visited_at` integer NOT NULL,
	`last_visited_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `module_id`, `section_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_section_visits` (`person_id`, `module_id`, `section_id`, `first_visited_at`, `last_visited_at`, `organisation_id`) SELECT `section_visits`.`person_id`, `section_visits`.`module_id`, `section_visits`.`section_id`, `section_visits`.`first_visited_at`, `section_visits`.`last_visited_at`, `people`.`organisation_id` FROM `section_visits` JOIN `people` ON `people`.`id` = `section_visits`.`person_id`;
--> statement-breakpoint
DROP TABLE `section_visits`;
--> statement-breakpoint
ALTER TABLE `__new_section_visits` RENAME TO `section_visits`;
