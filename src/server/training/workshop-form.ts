import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult, type FormValues } from '../platform/index.ts';
import { queueWaitingClosedNotices, queueWorkshopReminders } from './training-jobs.ts';
import { mailBookingChanges } from './workshop-mail.ts';
import { cancelWorkshop, saveWorkshop, type TrainingResult, type WorkshopFields } from './workshops.ts';

/** Who is acting, on which language's page, with the mail and the content's programmes. */
export type TrainingFormContext = {
  scope: Scope;
  locale: Locale;
  ip: string | null;
  mailer: Mailer;
  publicUrl: URL;
};

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};
const list = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value.filter((v) => v !== '') : typeof value === 'string' && value !== '' ? [value] : [];
};

/** The workshop form's fields as typed; places that are not a whole number stay NaN for the check to name. */
export function workshopFields(values: FormValues): WorkshopFields {
  const places = text(values, 'places');
  return {
    programmeId: text(values, 'programmeId'),
    title: text(values, 'title'),
    date: text(values, 'date'),
    startsAt: text(values, 'startsAt'),
    endsAt: text(values, 'endsAt'),
    venue: text(values, 'venue'),
    onlineLink: text(values, 'onlineLink'),
    language: text(values, 'language'),
    places: /^\d{1,5}$/.test(places) ? Number(places) : Number.NaN,
    bookingClosesOn: text(values, 'bookingClosesOn'),
    teamIds: list(values, 'teamIds'),
    facilitatorIds: list(values, 'facilitatorIds'),
  };
}

function refused(result: Extract<TrainingResult<unknown>, { ok: false }>, values: FormValues): FormResult {
  if (result.error === 'invalid') return formAgain(result.errors ?? {}, values);
  return formAgain({}, values, result.error === 'not-allowed' ? 403 : 404);
}

/**
 * **Add a workshop** and its edit form (`id` given): saves it, or shows the form again with a
 * translated error beside each wrong field and nothing saved. On the edit page the second button
 * (`intent=cancel`) cancels the workshop. Everyone affected is e-mailed at once.
 */
export async function workshopForm(ctx: TrainingFormContext, id: string | null, programmeIds: readonly string[], request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request), ['teamIds', 'facilitatorIds']);
  const now = ctx.scope.now.getTime();
  if (id !== null && text(values, 'intent') === 'cancel') {
    const cancelled = await cancelWorkshop(ctx.scope, id, ctx.ip);
    if (!cancelled.ok) return refused(cancelled, values);
    await mailBookingChanges(ctx.scope.db, ctx.mailer, ctx.publicUrl, cancelled.value.changes, now);
    return formRedirect(`${localePath(ctx.locale, `/training/workshops/${id}`)}?done=workshopCancelled`);
  }
  // "Find people" searches for facilitators: the form comes back with everything typed, nothing saved.
  if (text(values, 'intent') === 'find-facilitators') return formAgain({}, values, 200);
  const saved = await saveWorkshop(ctx.scope, id, workshopFields(values), { programmeIds, ip: ctx.ip });
  if (!saved.ok) return refused(saved, values);
  await mailBookingChanges(ctx.scope.db, ctx.mailer, ctx.publicUrl, saved.value.changes, now);
  await queueWorkshopReminders(ctx.scope.db, saved.value.changes, now);
  // A new closing date needs the waiting list's notice at the new time.
  await queueWaitingClosedNotices(ctx.scope.db, saved.value.id, now);
  return formRedirect(`${localePath(ctx.locale, `/training/workshops/${saved.value.id}`)}?done=saved`);
}
