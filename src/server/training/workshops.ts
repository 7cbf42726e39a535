import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bookings, people, teamMemberships, teams, workshopFacilitators, workshops, workshopTeams } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import {
  bookingOpen,
  checkWorkshop,
  placesLeft,
  waitingPosition,
  type DeliveryLanguage,
  type WorkshopInput,
} from '../../domain/training/index.ts';
import { mayInOrganisation, mayOnWorkshop, type WorkshopTarget } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Tx } from '../cpd/index.ts';
import type { Scope } from '../people/index.ts';
import { londonInstant, londonTimeOf, newId, type FieldErrors } from '../platform/index.ts';
import { promoteWaiting } from './promote.ts';

/** Why a training action was refused; `invalid` comes with the errors of each field. */
export type TrainingRefusal = 'not-found' | 'not-allowed' | 'closed' | 'invalid';
export type TrainingResult<T> = { ok: true; value: T } | { ok: false; error: TrainingRefusal; errors?: FieldErrors };

/** What happened to one person's place, for the e-mail that tells them (workshop-mail.ts). */
export type BookingChange = {
  personId: string;
  workshopId: string;
  change: 'booked' | 'waiting' | 'promoted' | 'cancelled' | 'left' | 'moved' | 'workshop-changed' | 'workshop-cancelled';
};

export type Workshop = typeof workshops.$inferSelect;


/** A workshop of the scope's organisation with its teams and facilitators, as the policy sees it. */
export async function workshopTarget(db: Db | Tx, organisationId: string, id: string): Promise<{ workshop: Workshop; target: WorkshopTarget } | null> {
  const [workshop] = await db.select().from(workshops).where(and(eq(workshops.id, id), eq(workshops.organisationId, organisationId)));
  if (!workshop) return null;
  const [teamRows, facilitatorRows] = await Promise.all([
    db.select({ teamId: workshopTeams.teamId }).from(workshopTeams).where(eq(workshopTeams.workshopId, id)),
    db.select({ personId: workshopFacilitators.personId }).from(workshopFacilitators).where(eq(workshopFacilitators.workshopId, id)),
  ]);
  return {
    workshop,
    target: {
      organisationId: workshop.organisationId,
      // An open workshop has no teams in the policy's eyes, whatever rows are left over.
      teamIds: workshop.openToAll ? [] : teamRows.map((r) => r.teamId),
      facilitatorIds: facilitatorRows.map((r) => r.personId),
      createdBy: workshop.createdBy ?? '',
      cancelled: workshop.cancelledAt !== null,
    },
  };
}

/** A workshop the viewer may see, or null (another organisation's, or a closed team's, looks like none). */
export async function visibleWorkshop(scope: Scope, id: string) {
  const found = await workshopTarget(scope.db, scope.organisationId, id);
  if (!found || !mayOnWorkshop(scope.viewer, 'workshop.view', found.target)) return null;
  return found;
}

export type WorkshopView = {
  workshop: Workshop;
  startsAt: string;
  endsAt: string;
  teams: { id: string; nameEn: string; nameCy: string }[];
  facilitators: { id: string; name: string }[];
  bookedCount: number;
  waitingCount: number;
  placesLeft: number;
  open: boolean;
  cancelled: boolean;
  mine: { state: 'booked' } | { state: 'waiting'; position: number } | null;
  may: { book: boolean; edit: boolean; register: boolean };
};

/** The workshop page: details, places left, and the viewer's own place or position. Null when they may not see it. */
export async function workshopView(scope: Scope, id: string): Promise<WorkshopView | null> {
  const found = await visibleWorkshop(scope, id);
  if (!found) return null;
  const { workshop, target } = found;
  const { db } = scope;
  const [live, teamRows, facilitators] = await Promise.all([
    db
      .select({ personId: bookings.personId, state: bookings.state, seq: bookings.seq })
      .from(bookings)
      .where(and(eq(bookings.workshopId, id), inArray(bookings.state, ['booked', 'waiting']))),
    target.teamIds.length
      ? db.select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy }).from(teams).where(inArray(teams.id, [...target.teamIds])).orderBy(asc(teams.nameEn))
      : Promise.resolve([]),
    target.facilitatorIds.length
      ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, [...target.facilitatorIds])).orderBy(asc(people.name))
      : Promise.resolve([]),
  ]);
  const booked = live.filter((b) => b.state === 'booked');
  const waiting = live.filter((b) => b.state === 'waiting');
  const viewerId = scope.viewer.id;
  const position = waitingPosition(waiting, viewerId);
  const cancelled = workshop.cancelledAt !== null;
  return {
    workshop,
    startsAt: londonTimeOf(workshop.startAt),
    endsAt: londonTimeOf(workshop.endAt),
    teams: teamRows,
    facilitators,
    bookedCount: booked.length,
    waitingCount: waiting.length,
    placesLeft: placesLeft(workshop.places, booked.length),
    open: bookingOpen(workshop.bookingClosesOn, londonDate(scope.now.getTime()), cancelled),
    cancelled,
    mine: booked.some((b) => b.personId === viewerId) ? { state: 'booked' } : position !== null ? { state: 'waiting', position } : null,
    may: {
      book: mayOnWorkshop(scope.viewer, 'workshop.book', target),
      edit: mayOnWorkshop(scope.viewer, 'workshop.edit', target),
      register: mayOnWorkshop(scope.viewer, 'workshop.register', target),
    },
  };
}

/** The workshop form's values: what is typed, plus the chosen facilitators. */
export type WorkshopFields = WorkshopInput & { facilitatorIds: readonly string[] };

/** A saved workshop as its edit form shows it; null when the viewer may not change it. */
export async function workshopForEdit(scope: Scope, id: string): Promise<{ fields: WorkshopFields; bookedCount: number } | null> {
  const found = await workshopTarget(scope.db, scope.organisationId, id);
  if (!found || !mayOnWorkshop(scope.viewer, 'workshop.edit', found.target)) return null;
  const { workshop, target } = found;
  const [booked] = await scope.db
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.workshopId, id), eq(bookings.state, 'booked')));
  return {
    fields: {
      programmeId: workshop.programmeId,
      title: workshop.title,
      date: workshop.date,
      startsAt: londonTimeOf(workshop.startAt),
      endsAt: londonTimeOf(workshop.endAt),
      venue: workshop.venue ?? '',
      onlineLink: workshop.onlineLink ?? '',
      language: workshop.deliveryLanguage,
      places: workshop.places,
      bookingClosesOn: workshop.bookingClosesOn,
      teamIds: target.teamIds,
      facilitatorIds: target.facilitatorIds,
    },
    bookedCount: booked?.n ?? 0,
  };
}

/** The people and teams the workshop form offers (active people of the organisation; its teams). */
export async function workshopFormChoices(scope: Scope) {
  const { db, organisationId } = scope;
  const [teamRows, peopleRows] = await Promise.all([
    db.select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy }).from(teams).where(eq(teams.organisationId, organisationId)).orderBy(asc(teams.nameEn)),
    db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.organisationId, organisationId), eq(people.status, 'active'))).orderBy(asc(people.name)),
  ]);
  return { teams: teamRows, people: peopleRows };
}

export type SaveWorkshopContext = {
  /** The programmes of the content (the page reads them); a workshop's programme must be one. */
  programmeIds: readonly string[];
  ip: string | null;
};

function errorsOf(checked: ReturnType<typeof checkWorkshop>, bookedCount: number): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, key] of Object.entries(checked)) {
    if (!key) continue;
    errors[field] = key === 'training.errors.placesBelowBooked' ? { key, params: { count: bookedCount } } : { key };
  }
  return errors;
}

// The fields a calendar entry shows: changing one raises the revision (the calendar file's SEQUENCE).
const CALENDAR_FIELDS = ['title', 'date', 'startAt', 'endAt', 'venue', 'onlineLink'] as const;
// Of those, the ones booked people must be told about at once.
const TIME_OR_PLACE = ['date', 'startAt', 'endAt', 'venue', 'onlineLink'] as const;

/**
 * Adds a workshop (`id` null: 'workshops.add') or changes one ('workshop.edit'). Nothing is saved
 * when a field is wrong. Raising the places promotes people from the waiting list, in order, in the
 * same transaction; a change of time or venue tells everyone booked.
 */
export async function saveWorkshop(
  scope: Scope,
  id: string | null,
  fields: WorkshopFields,
  ctx: SaveWorkshopContext,
): Promise<TrainingResult<{ id: string; changes: BookingChange[]; timeOrVenueChanged: boolean }>> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  if (id === null && !mayInOrganisation(viewer, 'workshops.add')) return { ok: false, error: 'not-allowed' };
  const choices = await workshopFormChoices(scope);
  const today = londonDate(now);
  const run = async (tx: Tx): Promise<TrainingResult<{ id: string; changes: BookingChange[]; timeOrVenueChanged: boolean }>> => {
    let existing: Workshop | null = null;
    if (id !== null) {
      const found = await workshopTarget(tx, organisationId, id);
      if (!found || !mayOnWorkshop(viewer, 'workshop.view', found.target)) return { ok: false, error: 'not-found' };
      if (!mayOnWorkshop(viewer, 'workshop.edit', found.target)) return { ok: false, error: 'not-allowed' };
      existing = found.workshop;
    }
    const [booked] = id
      ? await tx.select({ n: count() }).from(bookings).where(and(eq(bookings.workshopId, id), eq(bookings.state, 'booked')))
      : [{ n: 0 }];
    const bookedCount = booked?.n ?? 0;
    const checked = checkWorkshop(fields, { today, bookedCount, programmeIds: ctx.programmeIds, teamIds: choices.teams.map((t) => t.id) });
    const errors = errorsOf(checked, bookedCount);
    const personIds = new Set(choices.people.map((p) => p.id));
    if (fields.facilitatorIds.some((p) => !personIds.has(p))) errors.facilitatorIds = { key: 'training.errors.facilitators' };
    if (Object.keys(errors).length) return { ok: false, error: 'invalid', errors };

    const row = {
      programmeId: fields.programmeId,
      title: fields.title.trim(),
      date: fields.date,
      startAt: londonInstant(fields.date, fields.startsAt),
      endAt: londonInstant(fields.date, fields.endsAt),
      venue: fields.venue.trim() || null,
      onlineLink: fields.onlineLink.trim() || null,
      deliveryLanguage: fields.language as DeliveryLanguage,
      places: fields.places,
      bookingClosesOn: fields.bookingClosesOn,
      openToAll: fields.teamIds.length === 0,
      updatedAt: now,
    };
    const workshopId = existing?.id ?? newId();
    let changes: BookingChange[] = [];
    let timeOrVenueChanged = false;
    if (!existing) {
      await tx.insert(workshops).values({ ...row, id: workshopId, organisationId, revision: 0, createdBy: viewer.id, createdAt: now });
    } else {
      const changed = (Object.keys(row) as (keyof typeof row)[]).filter((k) => k !== 'updatedAt' && row[k] !== existing[k]);
      const calendarChanged = CALENDAR_FIELDS.some((k) => row[k] !== existing[k]);
      timeOrVenueChanged = TIME_OR_PLACE.some((k) => row[k] !== existing[k]);
      await tx
        .update(workshops)
        .set({ ...row, revision: calendarChanged ? existing.revision + 1 : existing.revision })
        .where(eq(workshops.id, workshopId));
      await tx.delete(workshopTeams).where(eq(workshopTeams.workshopId, workshopId));
      await tx.delete(workshopFacilitators).where(eq(workshopFacilitators.workshopId, workshopId));
      if (timeOrVenueChanged) {
        const told = await tx.select({ personId: bookings.personId }).from(bookings).where(and(eq(bookings.workshopId, workshopId), eq(bookings.state, 'booked')));
        changes = told.map((b) => ({ personId: b.personId, workshopId, change: 'workshop-changed' as const }));
      }
      await recordAudit(tx, { organisationId, actorId: viewer.id, action: 'workshop.changed', detail: { workshopId, fields: changed }, ip: ctx.ip }, now);
    }
    if (fields.teamIds.length) await tx.insert(workshopTeams).values([...new Set(fields.teamIds)].map((teamId) => ({ workshopId, teamId })));
    if (fields.facilitatorIds.length) {
      await tx.insert(workshopFacilitators).values([...new Set(fields.facilitatorIds)].map((personId) => ({ workshopId, personId })));
    }
    if (!existing) await recordAudit(tx, { organisationId, actorId: viewer.id, action: 'workshop.added', detail: { workshopId }, ip: ctx.ip }, now);
    // More places (or a later closing date) give the waiting list its places at once.
    if (existing) changes.push(...(await promoteWaiting(tx, workshopId, now)));
    return { ok: true, value: { id: workshopId, changes, timeOrVenueChanged } };
  };
  // Every check comes before the first write, so a refused save writes nothing.
  return db.transaction(run);
}

/** Cancels a workshop ('workshop.edit'): every place and waiting place ends, and everyone is told. */
export async function cancelWorkshop(scope: Scope, id: string, ip: string | null): Promise<TrainingResult<{ changes: BookingChange[] }>> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  return db.transaction(async (tx) => {
    const found = await workshopTarget(tx, organisationId, id);
    if (!found || !mayOnWorkshop(viewer, 'workshop.view', found.target)) return { ok: false, error: 'not-found' };
    if (!mayOnWorkshop(viewer, 'workshop.edit', found.target)) return { ok: false, error: 'not-allowed' };
    const live = await tx
      .select({ personId: bookings.personId })
      .from(bookings)
      .where(and(eq(bookings.workshopId, id), inArray(bookings.state, ['booked', 'waiting'])));
    // The cancellation is one more revision, so calendars take its METHOD:CANCEL as the newest copy.
    await tx.update(workshops).set({ cancelledAt: now, updatedAt: now, revision: found.workshop.revision + 1 }).where(eq(workshops.id, id));
    await tx
      .update(bookings)
      .set({ state: 'cancelled', endedAt: now, updatedAt: now })
      .where(and(eq(bookings.workshopId, id), inArray(bookings.state, ['booked', 'waiting'])));
    await recordAudit(tx, { organisationId, actorId: viewer.id, action: 'workshop.cancelled', detail: { workshopId: id, people: live.length }, ip }, now);
    return { ok: true, value: { changes: live.map((b) => ({ personId: b.personId, workshopId: id, change: 'workshop-cancelled' as const })) } };
  });
}

/** The teams a person belongs to (a manager booking for them needs the workshop to be open to them). */
export async function teamIdsOfPerson(db: Db | Tx, personId: string): Promise<string[]> {
  const rows = await db.select({ teamId: teamMemberships.teamId }).from(teamMemberships).where(eq(teamMemberships.personId, personId));
  return rows.map((r) => r.teamId);
}
