import { and, eq, inArray, max, min, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { moduleCompletions, registerRows, teamMemberships, teams, workshops } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { completionCurve, phaseAtRisk, teamsBehind, type CurvePoint } from '../../domain/training/index.ts';
import { hasRole, mayInOrganisation } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import { loadNeedsInputs, type NeedsPerson } from './needs.ts';
import { listPhases } from './phases.ts';

/** What the rollout figures need of a programme from the content: its modules. */
export type ProgrammeModules = { id: string; moduleIds: readonly string[] };

/** The members of these teams who completed every module of the programme (any version), with the instant the last of those modules was first completed. */
async function programmeCompletions(db: Db, programme: ProgrammeModules, teamIds: readonly string[]) {
  if (programme.moduleIds.length === 0) return [];
  const firsts = db
    .select({ personId: moduleCompletions.personId, moduleId: moduleCompletions.moduleId, first: min(moduleCompletions.completedAt).as('first') })
    .from(moduleCompletions)
    .where(
      and(
        inArray(moduleCompletions.moduleId, [...programme.moduleIds]),
        inArray(moduleCompletions.personId, db.select({ id: teamMemberships.personId }).from(teamMemberships).where(inArray(teamMemberships.teamId, [...teamIds]))),
      ),
    )
    .groupBy(moduleCompletions.personId, moduleCompletions.moduleId)
    .as('firsts');
  return db
    .select({ personId: firsts.personId, at: max(firsts.first) })
    .from(firsts)
    .groupBy(firsts.personId)
    .having(sql`count(*) = ${programme.moduleIds.length}`);
}

export type PhaseTeamView = { id: string; nameEn: string; nameCy: string; eligible: number; completed: number; percent: number | null };

export type PhaseView = {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  targetPercent: number;
  teams: PhaseTeamView[];
  /** People × required programmes in the phase's teams, and how many of those are complete. */
  eligible: number;
  completed: number;
  percent: number | null;
  /** The London day each completed requirement was met (the evaluation report judges the phase on its own date). */
  completedOn: string[];
  /** Cumulative completion week by week from the start to today (or the end, if sooner). */
  curve: CurvePoint[];
  atRisk: boolean;
  projectedPercent: number | null;
  /** The teams below the target, named when the phase is at risk. */
  teamsBehind: string[];
};

/**
 * The rollout page: each phase with its teams' completion of their required programmes against the
 * target over time, and **At risk** where the domain's rule says so. A manager sees the phases
 * holding teams they manage, with only those teams; an admin sees every phase. Complete means every
 * module of the programme done and, where the rules require one, a workshop of it attended.
 */
export async function rolloutView(scope: Scope, programmes: readonly ProgrammeModules[]): Promise<PhaseView[]> {
  const { db, viewer } = scope;
  if (!mayInOrganisation(viewer, 'training.rollout.view')) return [];
  const admin = hasRole(viewer, 'admin');
  const today = londonDate(scope.now.getTime());
  const phases = (await listPhases(scope))
    .map((p) => ({ ...p, teamIds: admin ? p.teamIds : p.teamIds.filter((id) => viewer.managedTeamIds.includes(id)) }))
    .filter((p) => p.teamIds.length > 0);
  if (phases.length === 0) return [];
  const teamIds = [...new Set(phases.flatMap((p) => p.teamIds))];
  const org = scope.organisationId;

  // The active members of the phases' teams; every team of theirs counts for their needs, only the phase's teams count them in.
  const inPhases = sql`p.status = 'active' and p.id in (select x.person_id from team_memberships x where x.team_id in (${sql.join(teamIds.map((id) => sql`${id}`), sql`, `)}))`;
  const [teamRows, needs, doneByProgramme, attended] = await Promise.all([
    db.select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy }).from(teams).where(and(eq(teams.organisationId, org), inArray(teams.id, teamIds))),
    loadNeedsInputs(scope, inPhases),
    // Only whole programmes done: per programme, the people with every module and the day of their last first completion.
    Promise.all(programmes.map((programme) => programmeCompletions(db, programme, teamIds))),
    db
      .select({ personId: registerRows.personId, programmeId: workshops.programmeId, date: min(workshops.date) })
      .from(registerRows)
      .innerJoin(workshops, eq(workshops.id, registerRows.workshopId))
      .where(and(eq(workshops.organisationId, org), inArray(registerRows.mark, ['attended', 'attended-part'])))
      .groupBy(registerRows.personId, workshops.programmeId),
  ]);

  const completedAt = new Map(programmes.flatMap((p, i) => doneByProgramme[i]!.map((c) => [`${c.personId}/${p.id}`, Number(c.at)] as const)));
  const workshopOn = new Map(attended.map((a) => [`${a.personId}/${a.programmeId}`, a.date ?? '']));

  // London's day changes on a UTC hour, so every instant of one UTC hour has the same London date: format each hour once.
  const dayOfHour = new Map<number, string>();
  const londonDay = (at: number) => {
    const hour = Math.floor(at / 3_600_000);
    let day = dayOfHour.get(hour);
    if (day === undefined) dayOfHour.set(hour, (day = londonDate(hour * 3_600_000)));
    return day;
  };

  /** The day a person completed a programme they must do, null when not yet; undefined when not required. */
  const completion = (person: NeedsPerson, programme: ProgrammeModules): string | null | undefined => {
    const need = needs.needOf(person, programme.id);
    if (need.need !== 'required' || programme.moduleIds.length === 0) return undefined;
    const last = completedAt.get(`${person.id}/${programme.id}`);
    if (last === undefined) return null;
    let day = londonDay(last);
    if (need.workshopRequired) {
      const on = workshopOn.get(`${person.id}/${programme.id}`);
      if (!on) return null;
      if (on > day) day = on;
    }
    return day;
  };

  const byTeam = new Map(teamRows.map((t) => [t.id, t]));
  return phases.map((phase) => {
    const inPhase = needs.people.filter((person) => person.teamIds.some((id) => phase.teamIds.includes(id)));
    const completedOn: string[] = [];
    let eligible = 0;
    const perTeam = new Map(phase.teamIds.map((id) => [id, { eligible: 0, completed: 0 }]));
    for (const person of inPhase) {
      for (const programme of programmes) {
        const day = completion(person, programme);
        if (day === undefined) continue;
        eligible += 1;
        if (day !== null) completedOn.push(day);
        for (const teamId of person.teamIds) {
          const counts = perTeam.get(teamId);
          if (!counts) continue;
          counts.eligible += 1;
          if (day !== null) counts.completed += 1;
        }
      }
    }
    const teamViews = phase.teamIds
      .filter((id) => byTeam.has(id))
      .map((id) => {
        const counts = perTeam.get(id)!;
        return { ...byTeam.get(id)!, ...counts, percent: counts.eligible ? (counts.completed / counts.eligible) * 100 : null };
      })
      .sort((a, b) => a.nameEn.localeCompare(b.nameEn));
    const curveTo = today < phase.endsOn ? today : phase.endsOn;
    const curve = today < phase.startsOn ? [] : completionCurve(completedOn, eligible, phase.startsOn, curveTo);
    const risk = phaseAtRisk(phase, { completedOn, eligible }, today);
    const behind = risk.atRisk ? teamsBehind(teamViews.map((t) => ({ teamId: t.id, completed: t.completed, eligible: t.eligible })), phase.targetPercent) : [];
    return {
      id: phase.id,
      name: phase.name,
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
      targetPercent: phase.targetPercent,
      teams: teamViews,
      eligible,
      completed: completedOn.length,
      completedOn,
      percent: eligible ? (completedOn.length / eligible) * 100 : null,
      curve,
      atRisk: risk.atRisk,
      projectedPercent: risk.projectedPercent,
      teamsBehind: behind,
    };
  });
}
