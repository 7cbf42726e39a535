import { daysBetween } from '../common/index.ts';

const DAY_MS = 86_400_000;
/** Days without any activity after which a mentee needs attention. */
export const INACTIVE_DAYS = 30;
/** Days an open agreed action may be past its date before the mentee needs attention. */
export const ACTION_LATE_DAYS = 7;

export const ATTENTION_REASONS = ['work-overdue', 'inactive-30-days', 'action-late-7-days'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** What the attention rules read about one mentee. */
export type AttentionFacts = {
  overdueAssignments: number;
  lastActivityAt: number | null;
  menteeSince: number;
  openActionDueDates: readonly string[];
};

/**
 * Why a mentee needs attention, in a fixed order: any overdue assignment; nothing done for 30
 * days (counted from becoming a mentee when their last activity is older, or when there is none);
 * an open agreed action more than 7 days past its date (`today` is the London date of `now`).
 */
export function attentionReasons(m: AttentionFacts, today: string, now: number): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (m.overdueAssignments > 0) reasons.push('work-overdue');
  const since = Math.max(m.lastActivityAt ?? m.menteeSince, m.menteeSince);
  if (now - since >= INACTIVE_DAYS * DAY_MS) reasons.push('inactive-30-days');
  if (m.openActionDueDates.some((due) => daysBetween(due, today) > ACTION_LATE_DAYS)) reasons.push('action-late-7-days');
  return reasons;
}
