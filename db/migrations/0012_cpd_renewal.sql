ALTER TABLE `people` ADD `registration_number` text;--> statement-breakpoint
ALTER TABLE `people` ADD `renewal_date` text;--> statement-breakpoint
ALTER TABLE `cpd_entries` ADD `provider` text;--> statement-breakpoint
ALTER TABLE `cpd_entries` ADD `contribution` text;--> statement-breakpoint
ALTER TABLE `cpd_entries` ADD `discussed_with` text;--> statement-breakpoint
ALTER TABLE `cpd_entries` ADD `discussed_on` text;