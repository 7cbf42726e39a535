// The fixed vocabularies of mentoring (#13, #14); db/schema types its columns with them.

/** What a mentor can assign: platform content by its id, or a practice task of their own. */
export const ACTIVITY_KINDS = ['programme', 'module', 'conversation', 'conference', 'vignette', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The kinds of finished work a mentee can submit for review. */
export const WORK_KINDS = ['simulation', 'threshold', 'task', 'reflection'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const SUBMISSION_STATES = ['submitted', 'revision-asked', 'feedback-released'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const MARKER_ROLES = ['first', 'second'] as const;
export type MarkerRole = (typeof MARKER_ROLES)[number];

export const SESSION_KINDS = ['one-to-one', 'group'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_FORMATS = ['in-person', 'video', 'phone'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

/** The four components of the framework a session can focus on. */
export const FOCUS_TAGS = ['conversations', 'thresholds', 'change', 'measure'] as const;
export type FocusTag = (typeof FOCUS_TAGS)[number];

export const SESSION_STATES = ['planned', 'recorded', 'cancelled'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const ATTENDANCE = ['present', 'apologies', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const ACTION_STATES = ['open', 'done', 'carried', 'dropped'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
