import { localePath, type FormValues, type Locale } from '../../domain/common/index.ts';
import type { CarryDecision, FocusTag, SessionFormat, SessionKind } from '../../domain/mentoring/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { sendSessionInvitations } from './session-invitations.ts';
import { cancelSession, saveSession, type ActionRowInput, type AttendanceInput } from './sessions.ts';

/** What the session form's handler needs besides the request. */
export type SessionFormContext = { scope: Scope; locale: Locale; mailer: Mailer; publicUrl: URL; ip: string | null };

/** The form's extra answer: how many action rows to draw, and whether the session was not found. */
export type SessionFormResult = FormResult<{ actionRows: number; notFound: boolean }>;

/** Empty action rows a new form opens with. */
export const EMPTY_ACTION_ROWS = 3;
/** Action row owners in a 1:1 form: the mentor (the viewer) or the session's mentee. */
export const OWNER_MENTOR = 'mentor';
export const OWNER_MENTEE = 'mentee';

const str = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};

/** How many action rows the posted form had (the highest `actions[n]` index plus one). */
export function postedActionRows(values: FormValues): number {
  let rows = 0;
  for (const key of Object.keys(values)) {
    const match = /^actions\[(\d{1,3})\]\./.exec(key);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return rows;
}

function readCarry(values: FormValues): Record<string, CarryDecision> {
  const carry: Record<string, CarryDecision> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = /^carry\[(.+)\]$/.exec(key);
    if (match && (value === 'done' || value === 'carry' || value === 'drop')) carry[match[1]!] = value;
  }
  return carry;
}

function readAttendance(values: FormValues): AttendanceInput {
  const attendance: Record<string, 'present' | 'apologies' | 'absent'> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = /^attendance\[(.+)\]$/.exec(key);
    if (match && (value === 'present' || value === 'apologies' || value === 'absent')) attendance[match[1]!] = value;
  }
  return attendance;
}

const noExtra = (rows: number) => ({ actionRows: rows, notFound: false });

/**
 * The Record a session form (new, or an edit when `sessionId` is given). `intent=add-action`
 * draws one more action row and saves nothing (works without JavaScript); `intent=cancel`
 * cancels a planned session and sends the cancellation; otherwise the session is saved and a
 * planned or changed one sends its invitation at once. A stale revision answers 409 with
 * everything typed kept.
 */
export async function sessionForm(ctx: SessionFormContext, request: Request, sessionId: string | null = null, menteeOfSession: string | null = null): Promise<SessionFormResult> {
  const values = formValues(await readFormData(request), ['focus']);
  const rows = Math.max(postedActionRows(values), 1);
  const intent = str(values, 'intent');
  const revision = Number.parseInt(str(values, 'revision'), 10);
  const done = (query: string, id: string) => ({ ...formRedirect(`${localePath(ctx.locale, `/mentoring/sessions/${id}`)}?${query}`, values), ...noExtra(rows) });

  if (intent === 'add-action') return { ...formAgain({}, values, 200), ...noExtra(rows + 1) };
  if (intent === 'cancel' && sessionId) {
    const result = await cancelSession(ctx.scope, sessionId, Number.isInteger(revision) ? revision : -1, ctx.ip);
    if (result.ok) {
      await sendSessionInvitations(ctx.scope.db, ctx.mailer, ctx.publicUrl, sessionId, 'cancel', ctx.scope.now.getTime());
      return done('change=cancelled', sessionId);
    }
    if ('notFound' in result) return { ...formAgain({}, values, 404), actionRows: rows, notFound: true };
    if ('conflict' in result) return { ...formAgain({ _form: { key: 'sessions.conflict' } }, values, 409), ...noExtra(rows) };
    return { ...formAgain(result.errors, values), ...noExtra(rows) };
  }

  const kind = (str(values, 'kind') || 'one-to-one') as SessionKind;
  const menteeId = menteeOfSession ?? str(values, 'menteeId');
  const owner = (token: string) => (token === OWNER_MENTOR ? ctx.scope.viewer.id : token === OWNER_MENTEE ? menteeId : token);
  const actions: ActionRowInput[] = Array.from({ length: rows }, (_, n) => ({
    id: str(values, `actions[${n}].id`) || null,
    text: str(values, `actions[${n}].text`),
    ownerId: str(values, `actions[${n}].text`).trim() || str(values, `actions[${n}].due`).trim() ? owner(str(values, `actions[${n}].owner`)) : '',
    dueDate: str(values, `actions[${n}].due`),
  }));
  const durationText = str(values, 'durationMinutes').trim();
  const focus = values.focus;
  const result = await saveSession(
    ctx.scope,
    {
      id: sessionId,
      revision: Number.isInteger(revision) ? revision : null,
      requestKey: str(values, 'requestKey') || `missing-${ctx.scope.now.getTime()}`,
      // The domain rule checks the values; the casts only carry the posted strings to it.
      kind,
      menteeId,
      groupId: str(values, 'groupId'),
      topic: str(values, 'topic'),
      date: str(values, 'date').trim(),
      startsAt: str(values, 'startsAt').trim(),
      durationMinutes: /^\d{1,4}$/.test(durationText) ? Number(durationText) : Number.NaN,
      format: str(values, 'format') as SessionFormat,
      focus: (Array.isArray(focus) ? focus : []) as FocusTag[],
      location: str(values, 'location'),
      sharedSummary: str(values, 'sharedSummary'),
      privateNotes: str(values, 'privateNotes'),
      actions,
      carry: readCarry(values),
      attendance: readAttendance(values),
    },
    ctx.ip,
  );
  if (result.ok) {
    if (!result.repeat && (result.change === 'planned' || result.change === 'updated')) {
      await sendSessionInvitations(ctx.scope.db, ctx.mailer, ctx.publicUrl, result.id, 'request', ctx.scope.now.getTime());
    }
    return done(`change=${result.repeat ? 'saved' : (result.change ?? 'saved')}`, result.id);
  }
  if ('notFound' in result) return { ...formAgain({}, values, 404), actionRows: rows, notFound: true };
  if ('conflict' in result) return { ...formAgain({ _form: { key: 'sessions.conflict' } }, values, 409), ...noExtra(rows) };
  return { ...formAgain(result.errors, values), ...noExtra(rows) };
}
