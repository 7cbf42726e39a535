ALTER TABLE `cpd_entries` ADD `activity_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `cpd_entries` SET `activity_id` = substr(`source_id`, 1, instr(`source_id`, '@v') - 1) WHERE `kind` = 'module' AND instr(`source_id`, '@v') > 1;--> statement-breakpoint
UPDATE `cpd_entries` SET `activity_id` = coalesce((SELECT `scenario_id` FROM `simulation_attempts` WHERE `simulation_attempts`.`id` = `cpd_entries`.`source_id`), '') WHERE `kind` = 'simulation';--> statement-breakpoint
UPDATE `cpd_entries` SET `activity_id` = coalesce((SELECT `vignette_id` FROM `threshold_attempts` WHERE `threshold_attempts`.`id` = `cpd_entries`.`source_id`), '') WHERE `kind` = 'threshold-practice';--> statement-breakpoint
UPDATE `cpd_entries` SET `activity_id` = `source_id` WHERE `activity_id` = '';
