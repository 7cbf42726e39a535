import { sql } from 'drizzle-orm';
import { londonDate } from '../../domain/common/index.ts';
import { ROLES, type Role } from '../../domain/people/index.ts';
import { tnaStatus, tnaSummaries, TNA_STATUSES, type Need, type NeedSource, type TnaStatus, type TnaTeamSummary } from '../../domain/training/index.ts';
import { hasRole, mayInOrganisation } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import { loadNeedsInputs, type TnaProgramme } from './needs.ts';
import { jsonList } from '../platform/index.ts';

export const TNA_SORTS = ['name', 'team', 'status'] as const;
export type TnaSort = (typeof TNA_SORTS)[number];
/** What a person has done about a programme's workshops, strongest first. */
export const WORKSHOP_STATES = ['attended', 'did-not-attend', 'booked', 'none'] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];
export const TNA_PAGE_SIZE = 100;

export type TnaFilter = { teamId?: string; programmeId?: string; status?: TnaStatus; role?: Role; sort?: TnaSort; page?: number };

export type TnaCell = {
  programmeId: string;
  need: Need;
  source: NeedSource;
  workshopRequired: boolean;
  modulesDone: number;
  modulesTotal: number;
  workshop: WorkshopState;
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  status: TnaStatus;
};
export type TnaRow = { personId: string; name: string; teamIds: string[]; roles: Role[]; cells: TnaCell[] };
export type TnaView = {
  programmes: TnaProgramme[];
  teams: { id: string; nameEn: string; nameCy: string }[];
  rows: TnaRow[];
  total: number;
  page: number;
  pageCount: number;
  summaries: TnaTeamSummary[];
};

/** Reads a filter from a query string; anything unknown is dropped, never an error. */
export function tnaFilterFrom(params: URLSearchParams, programmeIds: readonly string[]): TnaFilter {
  const get = (name: string) => params.get(name) ?? '';
  const filter: TnaFilter = {};
  if (/^[\w-]{1,100}$/.test(get('team'))) filter.teamId = get('team');
  if (programmeIds.includes(get('programme'))) filter.programmeId = get('programme');
  if ((TNA_STATUSES as readonly string[]).includes(get('status'))) filter.status = get('status') as TnaStatus;
  if ((ROLES as readonly string[]).includes(get('role'))) filter.role = get('role') as Role;
  if ((TNA_SORTS as readonly string[]).includes(get('sort'))) filter.sort = get('sort') as TnaSort;
  const page = Number(get('page'));
  if (Number.isInteger(page) && page > 1 && page < 100_000) filter.page = page;
  return filter;
}

// Status order for "sort by status": the most urgent first.
const URGENCY: Record<TnaStatus, number> = { overdue: 0, 'to-do': 1, 'in-progress': 2, complete: 3, 'not-needed': 4 };

/**
 * Every row of the needs analysis the viewer may see (managers: people in the teams they manage;
 * admins: the organisation), filtered and sorted, with all rows kept (the page cuts a page out).
 * A handful of set-based queries joined in memory: never one query per person.
 */
export async function tnaRows(scope: Scope, programmes: readonly TnaProgramme[], filter: TnaFilter): Promise<{ rows: TnaRow[]; visibleTeams: TnaView['teams'] } | null> {
  const { db, viewer, organisationId } = scope;
  if (!mayInOrganisation(viewer, 'training.needs.view')) return null;
  const isAdmin = hasRole(viewer, 'admin');
  if (!isAdmin && viewer.managedTeamIds.length === 0) return { rows: [], visibleTeams: [] };
  const shown = filter.programmeId ? programmes.filter((p) => p.id === filter.programmeId) : [...programmes];
  const moduleProgramme = new Map<string, string>();
  for (const p of programmes) for (const m of p.modules) moduleProgramme.set(m, p.id);

  // The teams a manager sees: those they manage that are the organisation's.
  const managedTeams = sql`(select id from teams where organisation_id = ${organisationId} and id in (select value from json_each(${JSON.stringify(viewer.managedTeamIds)})))`;
  // The people in view, as SQL: every active or invited person of the organisation (admins), or the members of managed teams.
  const inView = isAdmin
    ? sql`select id from people where organisation_id = ${organisationId} and status != 'deactivated'`
    : sql`select tm.person_id from team_memberships tm join people p on p.id = tm.person_id
          where p.organisation_id = ${organisationId} and p.status != 'deactivated' and tm.team_id in ${managedTeams}`;
  const moduleIds = [...moduleProgramme.keys()];
  // Four statements in all: the needs inputs (two, from the one loader); the organisation's teams, workshop
  // marks, bookings and phases as JSON lists (one); completions and confidence, packed per person (one).
  const [needs, [org], [progress]] = await Promise.all([
    loadNeedsInputs(
      scope,
      isAdmin ? sql`p.status != 'deactivated'` : sql`p.status != 'deactivated' and p.id in (select x.person_id from team_memberships x where x.team_id in ${managedTeams})`,
    ),
    db.all<{ teams: string; marks: string; booked: string; phases: string }>(sql`select
      (select json_group_array(json_array(id, name_en, name_cy)) from (select id, name_en, name_cy from teams where organisation_id = ${organisationId} order by name_en)) as teams,
      (select json_group_array(json_array(r.person_id, w.programme_id, r.mark)) from register_rows r join workshops w on w.id = r.workshop_id where w.organisation_id = ${organisationId}) as marks,
      (select json_group_array(json_array(b.person_id, w.programme_id)) from bookings b join workshops w on w.id = b.workshop_id
        where b.organisation_id = ${organisationId} and b.state = 'booked' and w.cancelled_at is null) as booked,
      (select json_group_array(json_array(pt.team_id, rp.ends_on)) from phase_teams pt join rollout_phases rp on rp.id = pt.phase_id where rp.organisation_id = ${organisationId}) as phases`),
    // Distinct modules per person: a module done in any version counts once; only the programmes' current modules count.
    db.all<{ completions: string; confidence: string }>(sql`select
      ${moduleIds.length === 0 ? sql`'[]'` : sql`(select json_group_array(json_array(person_id, modules)) from (
        select person_id, group_concat(distinct module_id) as modules from module_completions
        where person_id in (${inView}) and module_id in (${sql.join(moduleIds.map((id) => sql`${id}`), sql`, `)})
        group by person_id))`} as completions,
      (select json_group_array(json_array(person_id, means)) from (
        select person_id, group_concat(programme_id || ' ' || coalesce(before, '') || ' ' || coalesce(after, ''), '|') as means from (
          select person_id, programme_id,
            avg(case when moment = 'before' then rating end) as before,
            avg(case when moment = 'after' then rating end) as after
          from confidence_ratings
          where organisation_id = ${organisationId} and person_id in (${inView})
          group by person_id, programme_id
        ) group by person_id)) as confidence`),
  ]);
  const orgTeams = jsonList<[string, string, string]>(org?.teams).map(([id, nameEn, nameCy]) => ({ id, nameEn, nameCy }));
  const visibleTeams = isAdmin ? orgTeams : orgTeams.filter((t) => viewer.managedTeamIds.includes(t.id));
  const visibleTeamIds = visibleTeams.map((t) => t.id);
  if (visibleTeamIds.length === 0 && !isAdmin) return { rows: [], visibleTeams };
  const completions = jsonList<[string, string]>(progress?.completions).map(([person_id, modules]) => ({ person_id, modules }));
  const marks = jsonList<[string, string, string]>(org?.marks).map(([personId, programmeId, mark]) => ({ personId, programmeId, mark }));
  const booked = jsonList<[string, string]>(org?.booked).map(([personId, programmeId]) => ({ personId, programmeId }));
  const confidence = jsonList<[string, string]>(progress?.confidence).map(([person_id, means]) => ({ person_id, means }));
  const phases = jsonList<[string, string]>(org?.phases).map(([teamId, endsOn]) => ({ teamId, endsOn }));

  const key = (personId: string, programmeId: string) => `${personId}\u0000${programmeId}`;
  const doneCount = new Map<string, number>();
  for (const c of completions) {
    // group_concat(distinct …) joins with commas; module ids are slugs, so never hold one.
    for (const moduleId of c.modules.split(',')) {
      const k = key(c.person_id, moduleProgramme.get(moduleId)!);
      doneCount.set(k, (doneCount.get(k) ?? 0) + 1);
    }
  }
  const workshopOf = new Map<string, WorkshopState>();
  const rank = (s: WorkshopState) => WORKSHOP_STATES.indexOf(s);
  const note = (k: string, s: WorkshopState) => {
    const was = workshopOf.get(k);
    if (!was || rank(s) < rank(was)) workshopOf.set(k, s);
  };
  for (const m of marks) note(key(m.personId, m.programmeId), m.mark === 'attended' || m.mark === 'attended-part' ? 'attended' : 'did-not-attend');
  for (const b of booked) note(key(b.personId, b.programmeId), 'booked');
  const confidenceOf = new Map<string, [number | null, number | null]>();
  for (const c of confidence) {
    for (const entry of c.means.split('|')) {
      const [programmeId, before, after] = entry.split(' ');
      confidenceOf.set(key(c.person_id, programmeId!), [before ? Number(before) : null, after ? Number(after) : null]);
    }
  }
  const phaseEnd = new Map(phases.map((p) => [p.teamId, p.endsOn]));
  const today = londonDate(scope.now.getTime());
  const visible = new Set(visibleTeamIds);

  const rows: TnaRow[] = [];
  for (const person of needs.people) {
    const { teamIds, roles } = person;
    if (!isAdmin && !teamIds.some((id) => visible.has(id))) continue;
    if (filter.teamId && !teamIds.includes(filter.teamId)) continue;
    if (filter.role && !roles.includes(filter.role)) continue;
    // The earliest phase end of the person's teams is the date their needs fall due.
    let phaseEndsOn: string | null = null;
    for (const id of teamIds) {
      const end = phaseEnd.get(id);
      if (end !== undefined && (phaseEndsOn === null || end < phaseEndsOn)) phaseEndsOn = end;
    }
    const cells = shown.map((p): TnaCell => {
      const k = key(person.id, p.id);
      const resolved = needs.needOf(person, p.id);
      const modulesDone = doneCount.get(k) ?? 0;
      const workshop = workshopOf.get(k) ?? 'none';
      const status = tnaStatus(
        { need: resolved.need, modulesDone, modulesTotal: p.modules.length, workshopRequired: resolved.workshopRequired, workshopAttended: workshop === 'attended', phaseEndsOn },
        today,
      );
      const [confidenceBefore, confidenceAfter] = confidenceOf.get(k) ?? [null, null];
      return { programmeId: p.id, need: resolved.need, source: resolved.source, workshopRequired: resolved.workshopRequired, modulesDone, modulesTotal: p.modules.length, workshop, confidenceBefore, confidenceAfter, status };
    });
    if (filter.status && !cells.some((c) => c.status === filter.status)) continue;
    rows.push({ personId: person.id, name: person.name, teamIds: isAdmin ? teamIds : teamIds.filter((id) => visible.has(id)), roles, cells });
  }
  return { rows: sortRows(rows, filter.sort ?? 'name', orgTeams), visibleTeams };
}

/** The rows in the chosen order (by name in Welsh collation; by first team name; or most urgent status first), each key worked out once. */
function sortRows(rows: readonly TnaRow[], sort: TnaSort, orgTeams: readonly { id: string; nameEn: string }[]): TnaRow[] {
  const teamName = new Map(orgTeams.map((t) => [t.id, t.nameEn]));
  const firstTeam = (r: TnaRow) => r.teamIds.map((id) => teamName.get(id) ?? '').sort()[0] ?? '\uffff';
  const worst = (r: TnaRow) => Math.min(...r.cells.map((c) => URGENCY[c.status]), URGENCY['not-needed']);
  const collator = new Intl.Collator('cy');
  const keyed = rows.map((row) => ({ row, team: sort === 'team' ? firstTeam(row) : '', urgency: sort === 'status' ? worst(row) : 0 }));
  keyed.sort((a, b) => (sort === 'team' ? a.team.localeCompare(b.team) : a.urgency - b.urgency) || collator.compare(a.row.name, b.row.name));
  return keyed.map((k) => k.row);
}

/** The needs analysis page: one page of rows (100 a page), the filter's teams and a summary row per team over every row. */
export async function tnaMatrix(scope: Scope, programmes: readonly TnaProgramme[], filter: TnaFilter): Promise<TnaView | null> {
  const found = await tnaRows(scope, programmes, filter);
  if (!found) return null;
  const { rows, visibleTeams } = found;
  const pageCount = Math.max(1, Math.ceil(rows.length / TNA_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pageCount);
  return {
    programmes: filter.programmeId ? programmes.filter((p) => p.id === filter.programmeId) : [...programmes],
    teams: visibleTeams,
    rows: rows.slice((page - 1) * TNA_PAGE_SIZE, page * TNA_PAGE_SIZE),
    total: rows.length,
    page,
    pageCount,
    summaries: tnaSummaries(rows, (filter.teamId ? visibleTeams.filter((t) => t.id === filter.teamId) : visibleTeams).map((t) => t.id)),
  };
}
