import { and, asc, eq, gte, inArray, isNull, ne } from 'drizzle-orm';
import { bookings, people, teamMemberships, workshops } from '../../../db/schema/index.ts';
import { localePath, londonDate } from '../../domain/common/index.ts';
import { bookingOpen } from '../../domain/training/index.ts';
import { mayOnPerson, mayOnWorkshop, type Actor } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult, type FormValues } from '../platform/index.ts';
import { book, moveBooking } from './bookings.ts';
import { searchPeople } from './people-picker.ts';
import { mailBookingChanges } from './workshop-mail.ts';
import type { TrainingFormContext } from './workshop-form.ts';
import { visibleWorkshop, workshopTarget } from './workshops.ts';

/** What a manager (or admin) sees on a workshop page to book for others and move their bookings. */
export type BookForPanel = {
  /** People they may book who have no place yet: their teams' members, or those found by `who`. */
  candidates: { id: string; name: string }[];
  /** Their people's places on this workshop, each with the workshops of the same programme it may move to. */
  team: { bookingId: string; personId: string; name: string; state: 'booked' | 'waiting'; moveTo: { id: string; title: string; date: string }[] }[];
};

/**
 * The book-for panel of a workshop, or null for anyone who may book for nobody ('training.book-for':
 * managers of a team, admins). Candidates come from the viewer's managed teams, or from a search
 * (`who`), never a list of everyone.
 */
export async function bookForPanel(scope: Scope, workshopId: string, who = ''): Promise<BookForPanel | null> {
  const { db, viewer, organisationId } = scope;
  const isAdmin = viewer.roles.includes('admin');
  if (!isAdmin && viewer.managedTeamIds.length === 0) return null;
  const found = await workshopTarget(db, organisationId, workshopId);
  if (!found || found.target.cancelled || !mayOnWorkshop(viewer, 'workshop.view', found.target)) return null;
  // Once booking has closed there is nobody to book and nothing to move.
  if (!bookingOpen(found.workshop.bookingClosesOn, londonDate(scope.now.getTime()), false)) return null;
  const live = await db
    .select({ id: bookings.id, personId: bookings.personId, state: bookings.state, name: people.name })
    .from(bookings)
    .innerJoin(people, eq(people.id, bookings.personId))
    .where(and(eq(bookings.workshopId, workshopId), inArray(bookings.state, ['booked', 'waiting'])));
  const placed = new Set(live.map((b) => b.personId));
  const teamPeople = viewer.managedTeamIds.length
    ? await db
        .selectDistinct({ id: people.id, name: people.name })
        .from(people)
        .innerJoin(teamMemberships, eq(teamMemberships.personId, people.id))
        .where(and(inArray(teamMemberships.teamId, [...viewer.managedTeamIds]), eq(people.status, 'active'), eq(people.organisationId, organisationId)))
        .orderBy(asc(people.name))
    : [];
  const searched = who.trim() ? await searchPeople(scope, who, [...placed]) : [];
  const teamsOf = await personTeams(scope, [...new Set([...teamPeople, ...searched].map((p) => p.id).concat(live.map((b) => b.personId)))]);
  const mayBookFor = (personId: string) => mayOnPerson(viewer, 'training.book-for', { id: personId, organisationId, teamIds: teamsOf.get(personId) ?? [] });
  const openTo = (personId: string) => {
    const asPerson: Actor = { id: personId, organisationId, roles: [], teamIds: teamsOf.get(personId) ?? [], managedTeamIds: [], menteeIds: [] };
    return mayOnWorkshop(asPerson, 'workshop.book', found.target);
  };
  const seen = new Set<string>();
  const candidates = [...teamPeople, ...searched].filter((p) => {
    if (seen.has(p.id) || placed.has(p.id) || p.id === viewer.id) return false;
    seen.add(p.id);
    return mayBookFor(p.id) && openTo(p.id);
  });
  const today = londonDate(scope.now.getTime());
  const others = await db
    .select()
    .from(workshops)
    .where(
      and(
        eq(workshops.organisationId, organisationId),
        eq(workshops.programmeId, found.workshop.programmeId),
        ne(workshops.id, workshopId),
        isNull(workshops.cancelledAt),
        gte(workshops.date, today),
      ),
    )
    .orderBy(asc(workshops.startAt));
  const targets = await Promise.all(others.filter((w) => bookingOpen(w.bookingClosesOn, today, false)).map((w) => workshopTarget(db, organisationId, w.id)));
  const team = live
    .filter((b) => mayBookFor(b.personId))
    .map((b) => ({
      bookingId: b.id,
      personId: b.personId,
      name: b.name,
      state: b.state === 'waiting' ? ('waiting' as const) : ('booked' as const),
      moveTo: targets
        .filter((t): t is NonNullable<typeof t> => t !== null)
        .filter((t) => mayOnWorkshop({ id: b.personId, organisationId, roles: [], teamIds: teamsOf.get(b.personId) ?? [], managedTeamIds: [], menteeIds: [] }, 'workshop.book', t.target))
        .map((t) => ({ id: t.workshop.id, title: t.workshop.title, date: t.workshop.date })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'cy'));
  return { candidates, team };
}

async function personTeams(scope: Scope, ids: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!ids.length) return map;
  const rows = await scope.db.select().from(teamMemberships).where(inArray(teamMemberships.personId, [...ids]));
  for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row.teamId]);
  return map;
}

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * **Book for them** (`intent=book-for`, `personId`, the page's `requestKey`) and **Move**
 * (`intent=move`, `bookingId`, `toWorkshopId`) on a workshop page: the person is told by e-mail
 * at once. A refusal shows the form again beside the field; works without JavaScript.
 */
export async function bookForForm(ctx: TrainingFormContext, workshopId: string, request: Request): Promise<FormResult> {
  return bookForValues(ctx, workshopId, formValues(await readFormData(request)));
}

/** `bookForForm` on a body already read (the workshop page routes its forms on `intent`). */
export async function bookForValues(ctx: TrainingFormContext, workshopId: string, values: FormValues): Promise<FormResult> {
  const intent = text(values, 'intent');
  const now = ctx.scope.now.getTime();
  const page = localePath(ctx.locale, `/training/workshops/${workshopId}`);
  // Another organisation's workshop, or one closed to the viewer, looks like no workshop at all.
  if (!(await visibleWorkshop(ctx.scope, workshopId))) return formAgain({}, values, 404);
  if (intent === 'move') {
    const bookingId = text(values, 'bookingId');
    const moved = await moveBooking(ctx.scope, bookingId, text(values, 'toWorkshopId'), ctx.ip);
    if (!moved.ok) return formAgain({ [`toWorkshopId-${bookingId}`]: { key: 'register.move.errors.to' } }, values, moved.error === 'closed' ? 422 : moved.error === 'not-allowed' ? 422 : 404);
    await mailBookingChanges(ctx.scope.db, ctx.mailer, ctx.publicUrl, moved.value.changes, now);
    return formRedirect(`${page}?done=moved#book-for`);
  }
  const personId = text(values, 'personId');
  if (!personId) return formAgain({ personId: { key: 'register.bookFor.errors.person' } }, values);
  const booked = await book(ctx.scope, workshopId, { personId, requestKey: text(values, 'requestKey') }, ctx.ip);
  if (!booked.ok) {
    if (booked.error === 'closed') return formAgain({ _form: { key: 'training.closed' } }, values);
    return formAgain({ personId: { key: 'register.bookFor.errors.person' } }, values, 422);
  }
  await mailBookingChanges(ctx.scope.db, ctx.mailer, ctx.publicUrl, booked.value.changes, now);
  return formRedirect(`${page}?done=bookedFor#book-for`);
}
