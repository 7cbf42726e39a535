import { and, asc, count, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { bookings, registerRows, workshopFacilitators, workshops, workshopTeams } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { bookingOpen, placesLeft, waitingPosition, type DeliveryLanguage, type RegisterMark } from '../../domain/training/index.ts';
import { mayOnWorkshop, type WorkshopTarget } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import { londonTimeOf } from '../platform/index.ts';

/** One workshop in a list, with what the viewer may do with it. */
export type WorkshopRow = {
  id: string;
  programmeId: string;
  title: string;
  date: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  onlineLink: string | null;
  deliveryLanguage: DeliveryLanguage;
  places: number;
  placesLeft: number;
  open: boolean;
  mayBook: boolean;
};

/** A past workshop the viewer was marked on the register as attending, in whole or in part. */
export type AttendedRow = { id: string; title: string; programmeId: string; date: string; mark: Extract<RegisterMark, 'attended' | 'attended-part'>; minutes: number | null };

/** One of the viewer's own places: booked, or their position on the waiting list. */
export type MyBookingRow = WorkshopRow & { state: 'booked' | 'waiting'; position: number | null };

/**
 * The training page: upcoming workshops the viewer may see (those they may book, and for admins,
 * managers and facilitators the organisation's others too), and the viewer's own places. Workshops of
 * the programmes the viewer needs come first, each group in date order.
 */
export async function trainingHome(
  scope: Scope,
  neededProgrammeIds: ReadonlySet<string> = new Set(),
): Promise<{ upcoming: WorkshopRow[]; mine: MyBookingRow[]; attended: AttendedRow[] }> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  const today = londonDate(now);
  const attended = await attendedBy(scope);
  const list = await db
    .select()
    .from(workshops)
    .where(and(eq(workshops.organisationId, organisationId), isNull(workshops.cancelledAt), gte(workshops.date, today)))
    .orderBy(asc(workshops.startAt));
  if (!list.length) return { upcoming: [], mine: [], attended };
  const ids = list.map((w) => w.id);
  const [teamRows, facilitatorRows, bookedCounts, live] = await Promise.all([
    db.select().from(workshopTeams).where(inArray(workshopTeams.workshopId, ids)),
    db.select().from(workshopFacilitators).where(inArray(workshopFacilitators.workshopId, ids)),
    db
      .select({ workshopId: bookings.workshopId, n: count() })
      .from(bookings)
      .where(and(inArray(bookings.workshopId, ids), eq(bookings.state, 'booked')))
      .groupBy(bookings.workshopId),
    db
      .select({ workshopId: bookings.workshopId, personId: bookings.personId, state: bookings.state, seq: bookings.seq })
      .from(bookings)
      .where(and(inArray(bookings.workshopId, ids), eq(bookings.personId, viewer.id), inArray(bookings.state, ['booked', 'waiting']))),
  ]);
  const waitingIds = live.filter((b) => b.state === 'waiting').map((b) => b.workshopId);
  const waitingRows = waitingIds.length
    ? await db
        .select({ workshopId: bookings.workshopId, personId: bookings.personId, seq: bookings.seq })
        .from(bookings)
        .where(and(inArray(bookings.workshopId, waitingIds), eq(bookings.state, 'waiting')))
    : [];
  const rows: WorkshopRow[] = [];
  const mine: MyBookingRow[] = [];
  for (const w of list) {
    const target: WorkshopTarget = {
      organisationId: w.organisationId,
      teamIds: w.openToAll ? [] : teamRows.filter((t) => t.workshopId === w.id).map((t) => t.teamId),
      facilitatorIds: facilitatorRows.filter((f) => f.workshopId === w.id).map((f) => f.personId),
      createdBy: w.createdBy ?? '',
      cancelled: false,
    };
    if (!mayOnWorkshop(viewer, 'workshop.view', target)) continue;
    const booked = bookedCounts.find((b) => b.workshopId === w.id)?.n ?? 0;
    const row: WorkshopRow = {
      id: w.id,
      programmeId: w.programmeId,
      title: w.title,
      date: w.date,
      startsAt: londonTimeOf(w.startAt),
      endsAt: londonTimeOf(w.endAt),
      venue: w.venue,
      onlineLink: w.onlineLink,
      deliveryLanguage: w.deliveryLanguage,
      places: w.places,
      placesLeft: placesLeft(w.places, booked),
      open: bookingOpen(w.bookingClosesOn, today, false),
      mayBook: mayOnWorkshop(viewer, 'workshop.book', target),
    };
    rows.push(row);
    const own = live.find((b) => b.workshopId === w.id);
    if (own) {
      const position = own.state === 'waiting' ? waitingPosition(waitingRows.filter((r) => r.workshopId === w.id), viewer.id) : null;
      mine.push({ ...row, state: own.state === 'waiting' ? 'waiting' : 'booked', position });
    }
  }
  // A stable sort: date order holds within the needed and the other workshops.
  const upcoming = rows.toSorted((a, b) => Number(neededProgrammeIds.has(b.programmeId)) - Number(neededProgrammeIds.has(a.programmeId)));
  return { upcoming, mine, attended };
}

/** The viewer's past workshops, newest first, as the register marked them (attended, or attended part). */
async function attendedBy(scope: Scope): Promise<AttendedRow[]> {
  const rows = await scope.db
    .select({ id: workshops.id, title: workshops.title, programmeId: workshops.programmeId, date: workshops.date, mark: registerRows.mark, minutes: registerRows.minutes })
    .from(registerRows)
    .innerJoin(workshops, eq(workshops.id, registerRows.workshopId))
    .where(and(
      eq(registerRows.personId, scope.viewer.id),
      eq(workshops.organisationId, scope.organisationId),
      inArray(registerRows.mark, ['attended', 'attended-part']),
      lt(workshops.endAt, scope.now.getTime()),
    ))
    .orderBy(desc(workshops.startAt));
  return rows.map((r) => ({ ...r, mark: r.mark === 'attended-part' ? 'attended-part' : 'attended' }));
}
