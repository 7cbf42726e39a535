-- Full-text search over module sections, one row per section per language (rebuilt at start-up
-- from content/). Diacritics are folded so "tim" finds "tîm".
CREATE VIRTUAL TABLE `content_search` USING fts5(
  `programme_id` UNINDEXED,
  `module_id` UNINDEXED,
  `section_id` UNINDEXED,
  `locale` UNINDEXED,
  `title`,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2'
);
