import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { bookings, confidenceRatings, cpdEntries, moduleCompletions, phaseTeams, registerRows, rolloutPhases, workshops } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { tnaStatus, type RegisterMark } from '../../domain/training/index.ts';
import { mayOnPerson } from '../access/index.ts';
import { personTarget, type Scope } from '../people/index.ts';
import { needsOf, type PersonNeed, type TnaProgramme } from './needs.ts';
import type { TnaCell, WorkshopState } from './tna.ts';

export type TrainingRecordProgramme = TnaCell & { reason: string | null; doneModuleIds: string[] };
export type TrainingRecordWorkshop = { id: string; programmeId: string; title: string; date: string; state: 'booked' | 'waiting' | RegisterMark };
/** A CPD entry as a manager may see it: title and time only, never how it contributed. */
export type TrainingRecordCpd = { titleEn: string; titleCy: string; minutes: number; completedAt: number };
export type TrainingRecord = { programmes: TrainingRecordProgramme[]; workshops: TrainingRecordWorkshop[]; cpd: TrainingRecordCpd[] };

/**
 * A person's training record for themselves, a manager of one of their teams or an admin:
 * programmes (need, modules, workshop, confidence, status), workshops and CPD titles and time.
 * It selects no reflective log, transcripts, feedback or CPD "how it contributed" text at all.
 */
export async function trainingRecordOf(scope: Scope, personId: string, programmes: readonly TnaProgramme[]): Promise<TrainingRecord | null> {
  const { db, organisationId } = scope;
  const target = await personTarget(db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'training.record.view', target)) return null;
  const [needs, completions, marks, live, ratings, phases, cpd] = await Promise.all([
    needsOf(scope, personId, programmes),
    db.selectDistinct({ moduleId: moduleCompletions.moduleId }).from(moduleCompletions).where(eq(moduleCompletions.personId, personId)),
    db
      .select({ id: workshops.id, programmeId: workshops.programmeId, title: workshops.title, date: workshops.date, mark: registerRows.mark })
      .from(registerRows)
      .innerJoin(workshops, eq(workshops.id, registerRows.workshopId))
      .where(and(eq(registerRows.personId, personId), eq(workshops.organisationId, organisationId))),
    db
      .select({ id: workshops.id, programmeId: workshops.programmeId, title: workshops.title, date: workshops.date, state: bookings.state })
      .from(bookings)
      .innerJoin(workshops, eq(workshops.id, bookings.workshopId))
      .where(and(eq(bookings.personId, personId), eq(bookings.organisationId, organisationId), inArray(bookings.state, ['booked', 'waiting']), isNull(workshops.cancelledAt))),
    db.select().from(confidenceRatings).where(and(eq(confidenceRatings.personId, personId), eq(confidenceRatings.organisationId, organisationId))),
    target.teamIds.length
      ? db.select({ endsOn: rolloutPhases.endsOn }).from(phaseTeams).innerJoin(rolloutPhases, eq(rolloutPhases.id, phaseTeams.phaseId)).where(inArray(phaseTeams.teamId, [...target.teamIds]))
      : Promise.resolve([]),
    db
      .select({ titleEn: cpdEntries.titleEn, titleCy: cpdEntries.titleCy, minutes: cpdEntries.minutes, completedAt: cpdEntries.completedAt })
      .from(cpdEntries)
      .where(and(eq(cpdEntries.personId, personId), eq(cpdEntries.organisationId, organisationId)))
      .orderBy(desc(cpdEntries.completedAt)),
  ]);
  const done = new Set(completions.map((c) => c.moduleId));
  const marked = new Set(marks.map((m) => m.id));
  const workshopList: TrainingRecordWorkshop[] = [
    ...marks.map((m) => ({ id: m.id, programmeId: m.programmeId, title: m.title, date: m.date, state: m.mark })),
    ...live.filter((b) => !marked.has(b.id)).map((b) => ({ id: b.id, programmeId: b.programmeId, title: b.title, date: b.date, state: b.state as 'booked' | 'waiting' })),
  ].sort((a, b) => b.date.localeCompare(a.date));
  const phaseEndsOn = phases.map((p) => p.endsOn).sort()[0] ?? null;
  const today = londonDate(scope.now.getTime());
  const mean = (programmeId: string, moment: 'before' | 'after') => {
    const values = ratings.filter((r) => r.programmeId === programmeId && r.moment === moment).map((r) => r.rating);
    return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
  };
  const workshopState = (programmeId: string): WorkshopState => {
    const own = workshopList.filter((w) => w.programmeId === programmeId);
    if (own.some((w) => w.state === 'attended' || w.state === 'attended-part')) return 'attended';
    if (own.some((w) => w.state === 'did-not-attend' || w.state === 'cancelled-late')) return 'did-not-attend';
    return own.some((w) => w.state === 'booked') ? 'booked' : 'none';
  };
  const programmeRows = programmes.map((p): TrainingRecordProgramme => {
    const need = needs.find((n) => n.programmeId === p.id) as PersonNeed;
    const doneModuleIds = p.modules.filter((m) => done.has(m));
    const workshop = workshopState(p.id);
    return {
      programmeId: p.id,
      need: need.need,
      source: need.source,
      reason: need.reason,
      workshopRequired: need.workshopRequired,
      modulesDone: doneModuleIds.length,
      modulesTotal: p.modules.length,
      doneModuleIds,
      workshop,
      confidenceBefore: mean(p.id, 'before'),
      confidenceAfter: mean(p.id, 'after'),
      status: tnaStatus(
        { need: need.need, modulesDone: doneModuleIds.length, modulesTotal: p.modules.length, workshopRequired: need.workshopRequired, workshopAttended: workshop === 'attended', phaseEndsOn },
        today,
      ),
    };
  });
  return { programmes: programmeRows, workshops: workshopList, cpd };
}
