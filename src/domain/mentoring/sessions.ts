import { addDays, BANK_HOLIDAYS_COVER, daysBetween, isCalendarDate } from '../common/index.ts';
import {
  FOCUS_TAGS,
  SESSION_FORMATS,
  SESSION_KINDS,
  type ActionState,
  type FocusTag,
  type SessionFormat,
  type SessionKind,
  type SessionState,
} from './vocabulary.ts';

/** One agreed-action row as typed in the session form (blank rows are allowed and ignored). */
export type ActionInput = { text: string; ownerId: string; dueDate: string };
export type SessionInput = {
  kind: SessionKind;
  menteeId?: string;
  groupId?: string;
  /** A group session's topic (required there); a 1:1 session has none. */
  topic?: string;
  date: string;
  startsAt: string;
  durationMinutes: number;
  format: SessionFormat;
  focus: FocusTag[];
  sharedSummary: string;
  privateNotes: string;
  actions: ActionInput[];
};

export const SESSION_MIN_MINUTES = 5;
export const SESSION_MAX_MINUTES = 480;
/** How far from today (either way) a session's date may be. */
export const SESSION_MAX_DAYS_AWAY = 365;
export const SESSION_TEXT_MAX = 10_000;
export const ACTION_TEXT_MAX = 500;
/** The longest topic of a group session. */
export const SESSION_TOPIC_MAX = 200;

/** The messages (translation keys) the session rules answer with. */
export type SessionErrorKey =
  | 'sessions.errors.kind'
  | 'sessions.errors.mentee'
  | 'sessions.errors.group'
  | 'sessions.errors.date'
  | 'sessions.errors.dateTooFar'
  | 'sessions.errors.time'
  | 'sessions.errors.duration'
  | 'sessions.errors.format'
  | 'sessions.errors.focus'
  | 'sessions.errors.tooLong'
  | 'sessions.errors.actionText'
  | 'sessions.errors.actionOwner'
  | 'sessions.errors.actionDue'
  | 'sessions.errors.actionDueOutOfRange'
  | 'sessions.errors.topic'
  | 'sessions.errors.topicTooLong';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isBlank = (row: ActionInput) => !row.text.trim() && !row.ownerId.trim() && !row.dueDate.trim();

/** The action rows that say something, with their form index (blank rows are dropped, not errors). */
export function filledActions(actions: readonly ActionInput[]): { index: number; action: ActionInput }[] {
  return actions.flatMap((action, index) => (isBlank(action) ? [] : [{ index, action }]));
}

/**
 * Field problems as message keys, by form field name (`actions[n].text|owner|due` for action
 * rows): a date more than 365 days from today either way, a duration outside 5–480 minutes, an
 * action with an owner or date but no text, a due date outside the bank holiday data, a group
 * session without a topic or with one over 200 characters. Blank action
 * rows are ignored. Empty when the session can be saved.
 */
export function checkSession(input: SessionInput, today: string): Record<string, SessionErrorKey> {
  const errors: Record<string, SessionErrorKey> = {};
  if (!SESSION_KINDS.includes(input.kind)) errors.kind = 'sessions.errors.kind';
  else if (input.kind === 'one-to-one' && !input.menteeId?.trim()) errors.menteeId = 'sessions.errors.mentee';
  else if (input.kind === 'group' && !input.groupId?.trim()) errors.groupId = 'sessions.errors.group';
  if (input.kind === 'group') {
    const topic = input.topic?.trim() ?? '';
    if (!topic) errors.topic = 'sessions.errors.topic';
    else if (topic.length > SESSION_TOPIC_MAX) errors.topic = 'sessions.errors.topicTooLong';
  }
  if (!isCalendarDate(input.date)) errors.date = 'sessions.errors.date';
  else if (Math.abs(daysBetween(today, input.date)) > SESSION_MAX_DAYS_AWAY) errors.date = 'sessions.errors.dateTooFar';
  if (!TIME.test(input.startsAt)) errors.startsAt = 'sessions.errors.time';
  const minutes = input.durationMinutes;
  if (!Number.isInteger(minutes) || minutes < SESSION_MIN_MINUTES || minutes > SESSION_MAX_MINUTES) errors.durationMinutes = 'sessions.errors.duration';
  if (!SESSION_FORMATS.includes(input.format)) errors.format = 'sessions.errors.format';
  if (input.focus.some((tag) => !FOCUS_TAGS.includes(tag))) errors.focus = 'sessions.errors.focus';
  if (input.sharedSummary.length > SESSION_TEXT_MAX) errors.sharedSummary = 'sessions.errors.tooLong';
  if (input.privateNotes.length > SESSION_TEXT_MAX) errors.privateNotes = 'sessions.errors.tooLong';
  for (const { index, action } of filledActions(input.actions)) {
    const field = (name: string) => `actions[${index}].${name}`;
    const due = action.dueDate.trim();
    if (!action.text.trim()) errors[field('text')] = 'sessions.errors.actionText';
    else if (action.text.length > ACTION_TEXT_MAX) errors[field('text')] = 'sessions.errors.tooLong';
    if (!action.ownerId.trim()) errors[field('owner')] = 'sessions.errors.actionOwner';
    if (!isCalendarDate(due)) errors[field('due')] = 'sessions.errors.actionDue';
    else if (due < BANK_HOLIDAYS_COVER.first || due > BANK_HOLIDAYS_COVER.last) errors[field('due')] = 'sessions.errors.actionDueOutOfRange';
  }
  return errors;
}

/** A session is cancelled, recorded once its start (London wall time) has come, and planned before that. */
export function sessionState(date: string, startsAt: string, nowLondon: { date: string; time: string }, cancelled: boolean): SessionState {
  if (cancelled) return 'cancelled';
  return `${date}T${startsAt}` <= `${nowLondon.date}T${nowLondon.time}` ? 'recorded' : 'planned';
}

/** A planned session whose start has passed: the mentor still has to record what happened (attendance, summary, actions). */
export function awaitsRecording(session: { date: string; startsAt: string; state: SessionState }, nowLondon: { date: string; time: string }): boolean {
  return session.state === 'planned' && sessionState(session.date, session.startsAt, nowLondon, false) === 'recorded';
}

/** An agreed action as stored (`carriedFromId` links a carried copy to the row it came from). */
export type AgreedAction = {
  id: string;
  sessionId: string;
  position: number;
  text: string;
  ownerId: string;
  dueDate: string;
  state: ActionState;
  carriedFromId: string | null;
  doneAt: number | null;
  doneBy: string | null;
  updatedAt: number;
};
export type CarryDecision = 'done' | 'carry' | 'drop';
export type ActionUpdate = { id: string; state: Exclude<ActionState, 'open'>; doneAt: number | null; doneBy: string | null; updatedAt: number };
export type ActionInsert = { sessionId: string; position: number; text: string; ownerId: string; dueDate: string; state: 'open'; carriedFromId: string; updatedAt: number };

/**
 * What happens to the previous session's open actions when a new session is saved: done → state
 * done (by `actorId`); carry → the old row 'carried' and a new open row in `sessionId` pointing
 * back to it (text, owner and due date kept unless `edits` change them); drop → 'dropped'. A
 * missing decision means carry. Actions not open are left alone. Carried rows take positions
 * 0, 1, … in their old order, so the new session's own actions follow them.
 */
export function carryForward(
  open: readonly AgreedAction[],
  decisions: Readonly<Record<string, CarryDecision>>,
  sessionId: string,
  now: number,
  options: { actorId?: string | null; edits?: Readonly<Record<string, Partial<ActionInput>>> } = {},
): { updates: ActionUpdate[]; inserts: ActionInsert[] } {
  const updates: ActionUpdate[] = [];
  const inserts: ActionInsert[] = [];
  const ordered = open.filter((a) => a.state === 'open').sort((a, b) => a.position - b.position);
  for (const action of ordered) {
    const decision = Object.hasOwn(decisions, action.id) ? decisions[action.id]! : 'carry';
    if (decision === 'done') updates.push({ id: action.id, state: 'done', doneAt: now, doneBy: options.actorId ?? null, updatedAt: now });
    else if (decision === 'drop') updates.push({ id: action.id, state: 'dropped', doneAt: null, doneBy: null, updatedAt: now });
    else {
      const edit = (Object.hasOwn(options.edits ?? {}, action.id) ? options.edits![action.id] : undefined) ?? {};
      updates.push({ id: action.id, state: 'carried', doneAt: null, doneBy: null, updatedAt: now });
      inserts.push({
        sessionId,
        position: inserts.length,
        text: edit.text?.trim() || action.text,
        ownerId: edit.ownerId?.trim() || action.ownerId,
        dueDate: edit.dueDate?.trim() || action.dueDate,
        state: 'open',
        carriedFromId: action.id,
        updatedAt: now,
      });
    }
  }
  return { updates, inserts };
}

/** An action's history, oldest first and ending with it, by following `carriedFromId` back; [] for an unknown id. */
export function actionHistory(actions: readonly AgreedAction[], id: string): AgreedAction[] {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const chain: AgreedAction[] = [];
  const seen = new Set<string>();
  for (let current = byId.get(id); current && !seen.has(current.id); current = current.carriedFromId ? byId.get(current.carriedFromId) : undefined) {
    seen.add(current.id);
    chain.unshift(current);
  }
  return chain;
}

/** The last day a session may be dated on `today` (the form's `max`); the first is `earliestSessionDate`. */
export function latestSessionDate(today: string): string {
  return addDays(today, SESSION_MAX_DAYS_AWAY);
}

/** The first day a session may be dated on `today` (the form's `min`). */
export function earliestSessionDate(today: string): string {
  return addDays(today, -SESSION_MAX_DAYS_AWAY);
}
