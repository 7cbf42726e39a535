// The kinds of notice a person may turn off one by one on their account page.

/** Notices about assigned work and its feedback (issue #13); each goes in the daily digest. */
export const NOTICE_KINDS = ['assignment-set', 'assignment-reminder', 'assignment-overdue', 'feedback-released'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
