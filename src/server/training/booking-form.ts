import { localePath } from '../../domain/common/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult, type FormValues } from '../platform/index.ts';
import { bookForValues } from './book-for.ts';
import { book, cancelBooking, leaveWaitingList } from './bookings.ts';
import { mailBookingChanges } from './workshop-mail.ts';
import type { TrainingFormContext } from './workshop-form.ts';
import { visibleWorkshop, type TrainingResult } from './workshops.ts';

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

function refused(result: Extract<TrainingResult<unknown>, { ok: false }>, values: FormValues): FormResult {
  // Booking after it closed is a mistake the page explains; the rest look like no workshop at all.
  if (result.error === 'closed') return formAgain({ _form: { key: 'training.closed' } }, values);
  return formAgain({}, values, result.error === 'not-allowed' ? 403 : 404);
}

/**
 * The workshop page's one button: **Book a place** / **Join the waiting list** (`intent=book`,
 * with the page's `requestKey`, so a double click books once), **Cancel my booking**
 * (`intent=cancel`) or **Leave the waiting list** (`intent=leave`). Works without JavaScript.
 */
export async function bookingForm(ctx: TrainingFormContext, workshopId: string, request: Request): Promise<FormResult> {
  return bookingValues(ctx, workshopId, formValues(await readFormData(request)));
}

/**
 * Every POST of the workshop page, its body read once: the manager's panel (`intent=book-for` or
 * `move`) or the viewer's own button.
 */
export async function workshopPageForm(ctx: TrainingFormContext, workshopId: string, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const intent = text(values, 'intent');
  return intent === 'book-for' || intent === 'move' ? bookForValues(ctx, workshopId, values) : bookingValues(ctx, workshopId, values);
}

async function bookingValues(ctx: TrainingFormContext, workshopId: string, values: FormValues): Promise<FormResult> {
  const intent = text(values, 'intent');
  const page = localePath(ctx.locale, `/training/workshops/${workshopId}`);
  const now = ctx.scope.now.getTime();
  if (intent === 'cancel' || intent === 'leave') {
    const ended = intent === 'cancel' ? await cancelBooking(ctx.scope, workshopId) : await leaveWaitingList(ctx.scope, workshopId);
    // Nothing to end (a second click after the first worked): show the page as it now is.
    if (!ended.ok) return ended.error === 'not-found' && (await stillVisible(ctx, workshopId)) ? formRedirect(`${page}#booking`) : refused(ended, values);
    await mailBookingChanges(ctx.scope.db, ctx.mailer, ctx.publicUrl, ended.value.changes, now);
    return formRedirect(`${page}?done=${intent === 'cancel' ? 'cancelled' : 'left'}#booking`);
  }
  if (intent !== 'book') return formAgain({ _form: { key: 'errors.invalidChoice' } }, values);
  const booked = await book(ctx.scope, workshopId, { requestKey: text(values, 'requestKey') }, ctx.ip);
  if (!booked.ok) return refused(booked, values);
  await mailBookingChanges(ctx.scope.db, ctx.mailer, ctx.publicUrl, booked.value.changes, now);
  const done = booked.value.already ? '' : `?done=${booked.value.state === 'waiting' ? 'waiting' : 'booked'}`;
  return formRedirect(`${page}${done}#booking`);
}

async function stillVisible(ctx: TrainingFormContext, workshopId: string): Promise<boolean> {
  return (await visibleWorkshop(ctx.scope, workshopId)) !== null;
}
