import { sql, type SQL } from 'drizzle-orm';
import type { PersonStatus } from '../../domain/people/index.ts';
import type { Scope } from './scope.ts';

type Named = { id: string; name: string };
type TeamName = { id: string; nameEn: string; nameCy: string };

/** A team as the home page lists it: its name, its members (with status) and its managers, each by name. */
export type HomeTeam = TeamName & { members: (Named & { status: PersonStatus })[]; managers: Named[] };

/** What the home page shows about the viewer and, by role, the people and teams around them. */
export type HomeOverview = {
  renewalDate: string | null;
  mentor: Named | null;
  /** The teams the viewer belongs to, by English name. */
  teams: TeamName[];
  /** The viewer's mentees in their organisation, by name (when asked for). */
  mentees: (Named & { email: string; status: PersonStatus })[];
  /** The teams the viewer manages, by English name (when asked for). */
  managedTeams: HomeTeam[];
  /** Every team of the organisation, by English name (when asked for). */
  allTeams: HomeTeam[];
  statusCounts: Record<PersonStatus, number> | null;
};

export type HomeOverviewParts = { mentees?: boolean; managedTeams?: boolean; allTeams?: boolean; statusCounts?: boolean };

const none = sql`null`;

// A team with its members and managers; `json(…)` keeps a nested array an array, not a string.
const teamJson = sql`json_object('id', t.id, 'nameEn', t.name_en, 'nameCy', t.name_cy,
  'members', json((select json_group_array(json_object('id', x.id, 'name', x.name, 'status', x.status) order by x.name)
    from team_memberships m join people x on x.id = m.person_id where m.team_id = t.id)),
  'managers', json((select json_group_array(json_object('id', x.id, 'name', x.name) order by x.name)
    from team_managers m join people x on x.id = m.person_id where m.team_id = t.id)))`;

/**
 * The home page's facts about the viewer (renewal date, mentor, teams) and the parts its roles
 * show (mentees, managed or all teams, people by status), in one statement.
 */
export async function homeOverview(scope: Scope, parts: HomeOverviewParts = {}): Promise<HomeOverview> {
  const teamsWhere = (only: SQL) => sql`(select json_group_array(json(${teamJson}) order by t.name_en) from teams t where t.organisation_id = p.organisation_id${only})`;
  const [row] = await scope.db.all<{ renewal_date: string | null; mentor: string | null; teams: string; mentees: string | null; managed_teams: string | null; all_teams: string | null; status_counts: string | null }>(sql`
    select p.renewal_date,
      (select json_object('id', x.id, 'name', x.name) from mentor_links l join people x on x.id = l.mentor_id where l.mentee_id = p.id limit 1) as mentor,
      (select json_group_array(json_object('id', t.id, 'nameEn', t.name_en, 'nameCy', t.name_cy) order by t.name_en)
        from team_memberships m join teams t on t.id = m.team_id where m.person_id = p.id) as teams,
      ${parts.mentees
        ? sql`(select json_group_array(json_object('id', x.id, 'name', x.name, 'email', x.email, 'status', x.status) order by x.name)
            from mentor_links l join people x on x.id = l.mentee_id where l.mentor_id = p.id and x.organisation_id = p.organisation_id)`
        : none} as mentees,
      ${parts.managedTeams ? teamsWhere(sql` and t.id in (select team_id from team_managers where person_id = p.id)`) : none} as managed_teams,
      ${parts.allTeams ? teamsWhere(sql``) : none} as all_teams,
      ${parts.statusCounts ? sql`(select json_group_object(status, n) from (select status, count(*) as n from people where organisation_id = p.organisation_id group by status))` : none} as status_counts
    from people p where p.id = ${scope.viewer.id} and p.organisation_id = ${scope.organisationId}`);
  const parse = <T>(json: string | null | undefined, empty: T): T => (json ? (JSON.parse(json) as T) : empty);
  return {
    renewalDate: row?.renewal_date ?? null,
    mentor: parse<Named | null>(row?.mentor, null),
    teams: parse<TeamName[]>(row?.teams, []),
    mentees: parse<HomeOverview['mentees']>(row?.mentees, []),
    managedTeams: parse<HomeTeam[]>(row?.managed_teams, []),
    allTeams: parse<HomeTeam[]>(row?.all_teams, []),
    statusCounts: parts.statusCounts ? { invited: 0, active: 0, deactivated: 0, ...parse<Partial<Record<PersonStatus, number>>>(row?.status_counts, {}) } : null,
  };
}
