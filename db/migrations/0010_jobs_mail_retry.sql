CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`run_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`dedupe_key` text,
	`claimed_by` text,
	`claimed_at` integer,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_dedupe_idx` ON `jobs` (`dedupe_key`);--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `live_text` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `template` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `sent_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `digest_id` text;--> statement-breakpoint
CREATE INDEX `mail_outbox_digest_idx` ON `mail_outbox` (`person_id`,`status`);--> statement-breakpoint
-- Messages kept or failed before this migration still hold their live link in `text`: move it
-- to `live_text` (shown only to the addressee) and leave administrators a copy without it.
UPDATE `mail_outbox` SET `live_text` = `text`, `text` = CASE `locale` WHEN 'cy' THEN '[Mae’r neges hon yn cynnwys dolen: dim ond y sawl y’i hanfonwyd ato all ei darllen. Defnyddiwch Ail-anfon.]' ELSE '[This message holds a link: only the person it was sent to can read it. Use Re-send.]' END WHERE `status` IN ('kept', 'failed') AND `text` LIKE '%set-password?token=%';--> statement-breakpoint
-- Earlier failures were never retried; they are marked as given up rather than pending forever.
UPDATE `mail_outbox` SET `status` = 'gave-up' WHERE `status` = 'failed';--> statement-breakpoint
UPDATE `mail_outbox` SET `attempts` = 1;
