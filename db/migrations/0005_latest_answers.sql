CREATE TABLE `threshold_latest_answers` (
	`person_id` text NOT NULL,
	`vignette_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`decision` text NOT NULL,
	`likelihood` text NOT NULL,
	`completed_at` integer NOT NULL,
	`month` text NOT NULL,
	PRIMARY KEY(`person_id`, `vignette_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `threshold_latest_answers_counts_idx` ON `threshold_latest_answers` (`organisation_id`,`vignette_id`,`decision`,`likelihood`,`month`,`person_id`);--> statement-breakpoint
CREATE INDEX `threshold_latest_answers_people_idx` ON `threshold_latest_answers` (`organisation_id`,`person_id`,`vignette_id`,`decision`);--> statement-breakpoint
-- Kept by triggers so every writer (the exercise, the demo seed, imports, benchmarks) keeps it right.
-- An older completion arriving late never replaces a newer one.
CREATE TRIGGER `threshold_latest_answers_on_insert` AFTER INSERT ON `threshold_attempts`
WHEN NEW.status = 'complete' AND NEW.decision IS NOT NULL AND NEW.likelihood IS NOT NULL AND NEW.completed_at IS NOT NULL
BEGIN
  INSERT INTO threshold_latest_answers (person_id, vignette_id, organisation_id, attempt_id, decision, likelihood, completed_at, month)
  VALUES (NEW.person_id, NEW.vignette_id, NEW.organisation_id, NEW.id, NEW.decision, NEW.likelihood, NEW.completed_at, strftime('%Y-%m', NEW.completed_at / 1000, 'unixepoch'))
  ON CONFLICT (person_id, vignette_id) DO UPDATE SET organisation_id = excluded.organisation_id, attempt_id = excluded.attempt_id, decision = excluded.decision,
    likelihood = excluded.likelihood, completed_at = excluded.completed_at, month = excluded.month
  WHERE excluded.completed_at >= threshold_latest_answers.completed_at;
END;
--> statement-breakpoint
CREATE TRIGGER `threshold_latest_answers_on_update` AFTER UPDATE ON `threshold_attempts`
WHEN NEW.status = 'complete' AND NEW.decision IS NOT NULL AND NEW.likelihood IS NOT NULL AND NEW.completed_at IS NOT NULL
BEGIN
  INSERT INTO threshold_latest_answers (person_id, vignette_id, organisation_id, attempt_id, decision, likelihood, completed_at, month)
  VALUES (NEW.person_id, NEW.vignette_id, NEW.organisation_id, NEW.id, NEW.decision, NEW.likelihood, NEW.completed_at, strftime('%Y-%m', NEW.completed_at / 1000, 'unixepoch'))
  ON CONFLICT (person_id, vignette_id) DO UPDATE SET organisation_id = excluded.organisation_id, attempt_id = excluded.attempt_id, decision = excluded.decision,
    likelihood = excluded.likelihood, completed_at = excluded.completed_at, month = excluded.month
  WHERE excluded.completed_at >= threshold_latest_answers.completed_at;
END;
--> statement-breakpoint
-- If an attempt goes, the person's next most recent finished answer (if any) takes its place.
CREATE TRIGGER `threshold_latest_answers_on_delete` AFTER DELETE ON `threshold_attempts`
BEGIN
  DELETE FROM threshold_latest_answers WHERE attempt_id = OLD.id;
  INSERT OR IGNORE INTO threshold_latest_answers (person_id, vignette_id, organisation_id, attempt_id, decision, likelihood, completed_at, month)
  SELECT person_id, vignette_id, organisation_id, id, decision, likelihood, completed_at, strftime('%Y-%m', completed_at / 1000, 'unixepoch')
  FROM threshold_attempts
  WHERE person_id = OLD.person_id AND vignette_id = OLD.vignette_id AND status = 'complete'
    AND decision IS NOT NULL AND likelihood IS NOT NULL AND completed_at IS NOT NULL
  ORDER BY completed_at DESC LIMIT 1;
END;
--> statement-breakpoint
INSERT INTO threshold_latest_answers (person_id, vignette_id, organisation_id, attempt_id, decision, likelihood, completed_at, month)
SELECT person_id, vignette_id, organisation_id, id, decision, likelihood, MAX(completed_at), strftime('%Y-%m', MAX(completed_at) / 1000, 'unixepoch')
FROM threshold_attempts
WHERE status = 'complete' AND decision IS NOT NULL AND likelihood IS NOT NULL AND completed_at IS NOT NULL
GROUP BY person_id, vignette_id;
