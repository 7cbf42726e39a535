CREATE TABLE `notice_preferences` (
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`opted_out_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `kind`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`mentee_id` text NOT NULL,
	`assigned_by` text NOT NULL,
	`owner_id` text,
	`activity_kind` text NOT NULL,
	`activity_id` text NOT NULL,
	`due_date` text NOT NULL,
	`note` text,
	`ask_review` integer DEFAULT false NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`request_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`withdrawn_at` integer,
	`withdrawn_by` text,
	`passed_on_at` integer,
	`passed_on_from` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`passed_on_from`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assignments_mentee_idx` ON `assignments` (`mentee_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `assignments_owner_idx` ON `assignments` (`owner_id`,`withdrawn_at`);--> statement-breakpoint
CREATE INDEX `assignments_organisation_idx` ON `assignments` (`organisation_id`,`owner_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_request_uq` ON `assignments` (`assigned_by`,`request_key`,`mentee_id`);--> statement-breakpoint
CREATE TABLE `comment_bank` (
	`id` text PRIMARY KEY NOT NULL,
	`mentor_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_bank_mentor_idx` ON `comment_bank` (`mentor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `markings` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`marker_id` text NOT NULL,
	`role` text NOT NULL,
	`requested_by` text,
	`rubric_id` text NOT NULL,
	`rubric_version` integer NOT NULL,
	`levels` text NOT NULL,
	`comments` text NOT NULL,
	`overall` text DEFAULT '' NOT NULL,
	`total` real,
	`revision` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	`released_at` integer,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marker_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `markings_marker_uq` ON `markings` (`submission_id`,`marker_id`);--> statement-breakpoint
CREATE INDEX `markings_marker_idx` ON `markings` (`marker_id`,`released_at`);--> statement-breakpoint
CREATE TABLE `own_response_codes` (
	`response_id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`code` text NOT NULL,
	`coded_by` text NOT NULL,
	`coded_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `simulation_own_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `practice_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`author_id` text NOT NULL,
	`title` text NOT NULL,
	`instructions` text NOT NULL,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practice_tasks_author_idx` ON `practice_tasks` (`author_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`assignment_id` text,
	`mentee_id` text NOT NULL,
	`version` integer NOT NULL,
	`work_kind` text NOT NULL,
	`work_id` text NOT NULL,
	`note_to_mentor` text,
	`state` text NOT NULL,
	`reviewer_id` text,
	`rubric_id` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`revision_asked_at` integer,
	`revision_message` text,
	`released_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_version_uq` ON `submissions` (`assignment_id`,`version`);--> statement-breakpoint
CREATE INDEX `submissions_queue_idx` ON `submissions` (`reviewer_id`,`state`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `submissions_mentee_idx` ON `submissions` (`mentee_id`);--> statement-breakpoint
CREATE TABLE `task_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`person_id` text NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_answers_version_uq` ON `task_answers` (`assignment_id`,`version`);