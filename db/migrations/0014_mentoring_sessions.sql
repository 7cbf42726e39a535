CREATE TABLE `agreed_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_date` text NOT NULL,
	`state` text NOT NULL,
	`carried_from_id` text,
	`done_at` integer,
	`done_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `mentoring_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agreed_actions_owner_idx` ON `agreed_actions` (`owner_id`,`state`);--> statement-breakpoint
CREATE INDEX `agreed_actions_session_idx` ON `agreed_actions` (`session_id`,`position`);--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` text NOT NULL,
	`person_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`) REFERENCES `mentoring_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_members_person_idx` ON `group_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `mentoring_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`name` text NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentoring_groups_mentor_idx` ON `mentoring_groups` (`mentor_id`,`archived_at`);--> statement-breakpoint
CREATE TABLE `mentoring_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`author_id` text NOT NULL,
	`kind` text NOT NULL,
	`mentee_id` text,
	`group_id` text,
	`date` text NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`format` text NOT NULL,
	`focus` text NOT NULL,
	`location` text,
	`shared_summary` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`request_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `mentoring_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentoring_sessions_request_uq` ON `mentoring_sessions` (`author_id`,`request_key`);--> statement-breakpoint
CREATE INDEX `mentoring_sessions_mentee_idx` ON `mentoring_sessions` (`mentee_id`,`date`);--> statement-breakpoint
CREATE INDEX `mentoring_sessions_group_idx` ON `mentoring_sessions` (`group_id`,`date`);--> statement-breakpoint
CREATE INDEX `mentoring_sessions_author_idx` ON `mentoring_sessions` (`author_id`,`date`);--> statement-breakpoint
CREATE TABLE `session_attendance` (
	`session_id` text NOT NULL,
	`person_id` text NOT NULL,
	`attendance` text NOT NULL,
	PRIMARY KEY(`session_id`, `person_id`),
	FOREIGN KEY (`session_id`) REFERENCES `mentoring_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_attendance_person_idx` ON `session_attendance` (`person_id`);--> statement-breakpoint
CREATE TABLE `session_private_notes` (
	`session_id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `mentoring_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `session_takeaways` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`person_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `mentoring_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_takeaways_session_idx` ON `session_takeaways` (`session_id`);--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `calendar` text;