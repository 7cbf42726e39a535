import { and, asc, count, eq, inArray, or, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { mentorLinks, organisations, people, personRoles, teamManagers, teamMemberships, teams } from '../../../db/schema/index.ts';
import { type PersonStatus, type Role } from '../../domain/people/index.ts';
import type { Actor, PersonTarget } from '../access/index.ts';
import type { Scope } from './scope.ts';
import { jsonList } from '../platform/index.ts';

export type Organisation = typeof organisations.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Team = typeof teams.$inferSelect;

/** The signed-in person with what pages and the policy need about them. */
export type Viewer = Actor & {
  name: string;
  email: string;
  locale: 'cy' | 'en';
  teamIds: string[];
  organisation: Organisation;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findPersonByEmail(db: Db, email: string): Promise<Person | null> {
  const [person] = await db.select().from(people).where(eq(people.email, normaliseEmail(email)));
  return person ?? null;
}

/** A person of the scope's organisation, or null: someone of another organisation looks like no one. */
export async function getPerson(scope: Scope, id: string): Promise<Person | null> {
  const { db, organisationId } = scope;
  const [person] = await db.select().from(people).where(and(eq(people.id, id), eq(people.organisationId, organisationId)));
  return person ?? null;
}

/**
 * A person whatever their organisation. Only for what must look across organisations: the
 * policy's view of a record (it decides on the organisation), a person's own account, and
 * telling someone that an account of theirs already exists elsewhere.
 */
export async function getPersonInAnyOrganisation(db: Db, id: string): Promise<Person | null> {
  const [person] = await db.select().from(people).where(eq(people.id, id));
  return person ?? null;
}

export async function getOrganisation(db: Db, id: string): Promise<Organisation | null> {
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, id));
  return organisation ?? null;
}

async function rolesOf(db: Db, personId: string): Promise<Role[]> {
  const rows = await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, personId));
  return rows.map((r) => r.role);
}

async function teamIdsOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db.select({ teamId: teamMemberships.teamId }).from(teamMemberships).where(eq(teamMemberships.personId, personId));
  return rows.map((r) => r.teamId);
}

/**
 * The columns a Viewer is made of, for a select that joins `people` and `organisations`: roles,
 * teams, managed teams and mentees come back as JSON arrays, so a viewer is one statement.
 */
export function viewerColumns() {
  const ids = (column: AnyColumn, from: Table, key: AnyColumn) => sql<string>`(select json_group_array(${column}) from ${from} where ${key} = ${people.id})`;
  return {
    person: people,
    organisation: organisations,
    roles: ids(personRoles.role, personRoles, personRoles.personId),
    teamIds: ids(teamMemberships.teamId, teamMemberships, teamMemberships.personId),
    managedTeamIds: ids(teamManagers.teamId, teamManagers, teamManagers.personId),
    menteeIds: ids(mentorLinks.menteeId, mentorLinks, mentorLinks.mentorId),
  };
}

type ViewerRow = { person: Person | null; organisation: Organisation | null; roles: string | null; teamIds: string | null; managedTeamIds: string | null; menteeIds: string | null };

/** The Viewer a `viewerColumns` row stands for, or null when the person is missing, not active or their council is deactivated. */
export function viewerFromRow(row: ViewerRow | undefined): Viewer | null {
  if (!row?.person || !row.organisation || row.person.status !== 'active' || row.organisation.deactivatedAt !== null) return null;
  return {
    id: row.person.id,
    organisationId: row.person.organisationId,
    name: row.person.name,
    email: row.person.email,
    locale: row.person.locale,
    roles: jsonList<Role>(row.roles),
    teamIds: jsonList<string>(row.teamIds),
    managedTeamIds: jsonList<string>(row.managedTeamIds),
    menteeIds: jsonList<string>(row.menteeIds),
    organisation: row.organisation,
    operator: row.organisation.kind === 'platform',
  };
}

/**
 * Loads an active person as a Viewer, or null when they are missing, not active or their council
 * has been deactivated. A person of the platform's own row is an operator.
 */
export async function loadViewer(db: Db, personId: string): Promise<Viewer | null> {
  const [row] = await db.select(viewerColumns()).from(people).innerJoin(organisations, eq(organisations.id, people.organisationId)).where(eq(people.id, personId));
  return viewerFromRow(row);
}

/** What the policy needs to decide about a person record, or null if there is no such person. */
export async function personTarget(db: Db, personId: string): Promise<PersonTarget | null> {
  const person = await getPersonInAnyOrganisation(db, personId);
  if (!person) return null;
  return { id: person.id, organisationId: person.organisationId, teamIds: await teamIdsOf(db, personId) };
}

export type PersonDetail = Person & {
  roles: Role[];
  teams: Team[];
  managedTeams: Team[];
  mentor: { id: string; name: string } | null;
  mentees: { id: string; name: string }[];
};

/** Everything about one person in the scope's organisation, or null when not found there. */
export async function getPersonDetail(scope: Scope, personId: string): Promise<PersonDetail | null> {
  const { db, organisationId } = scope;
  const [person] = await db.select().from(people).where(and(eq(people.id, personId), eq(people.organisationId, organisationId)));
  if (!person) return null;
  const [roles, memberOf, manages, mentorRows, mentees] = await Promise.all([
    rolesOf(db, personId),
    db.select({ team: teams }).from(teamMemberships).innerJoin(teams, eq(teams.id, teamMemberships.teamId)).where(eq(teamMemberships.personId, personId)).orderBy(asc(teams.nameEn)),
    db.select({ team: teams }).from(teamManagers).innerJoin(teams, eq(teams.id, teamManagers.teamId)).where(eq(teamManagers.personId, personId)).orderBy(asc(teams.nameEn)),
    db.select({ id: people.id, name: people.name }).from(mentorLinks).innerJoin(people, eq(people.id, mentorLinks.mentorId)).where(eq(mentorLinks.menteeId, personId)),
    db.select({ id: people.id, name: people.name }).from(mentorLinks).innerJoin(people, eq(people.id, mentorLinks.menteeId)).where(eq(mentorLinks.mentorId, personId)).orderBy(asc(people.name)),
  ]);
  return {
    ...person,
    roles,
    teams: memberOf.map((r) => r.team),
    managedTeams: manages.map((r) => r.team),
    mentor: mentorRows[0] ?? null,
    mentees,
  };
}

export type PeopleFilter = { q?: string; teamId?: string; role?: Role; status?: PersonStatus; page?: number };
export const PEOPLE_PAGE_SIZE = 25;

/** A page of the scope's organisation's people, with their roles and team ids, filtered and by name. */
export async function listPeople(scope: Scope, filter: PeopleFilter = {}) {
  const { db, organisationId } = scope;
  const conditions: SQL[] = [eq(people.organisationId, organisationId)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${people.name} LIKE ${pattern} ESCAPE '\\'`, sql`${people.email} LIKE ${pattern.toLowerCase()} ESCAPE '\\'`)!);
  }
  if (filter.status) conditions.push(eq(people.status, filter.status));
  if (filter.teamId) conditions.push(inArray(people.id, db.select({ id: teamMemberships.personId }).from(teamMemberships).where(eq(teamMemberships.teamId, filter.teamId))));
  if (filter.role) conditions.push(inArray(people.id, db.select({ id: personRoles.personId }).from(personRoles).where(eq(personRoles.role, filter.role))));
  const where = and(...conditions);
  const page = Math.max(1, filter.page ?? 1);
  const [rows, [total]] = await Promise.all([
    db.select().from(people).where(where).orderBy(asc(people.name)).limit(PEOPLE_PAGE_SIZE).offset((page - 1) * PEOPLE_PAGE_SIZE),
    db.select({ n: count() }).from(people).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const [roleRows, teamRows] = ids.length
    ? await Promise.all([
        db.select().from(personRoles).where(inArray(personRoles.personId, ids)),
        db.select({ personId: teamMemberships.personId, team: teams }).from(teamMemberships).innerJoin(teams, eq(teams.id, teamMemberships.teamId)).where(inArray(teamMemberships.personId, ids)),
      ])
    : [[], []];
  return {
    total: total?.n ?? 0,
    page,
    pageSize: PEOPLE_PAGE_SIZE,
    people: rows.map((p) => ({
      ...p,
      roles: roleRows.filter((r) => r.personId === p.id).map((r) => r.role),
      teams: teamRows.filter((r) => r.personId === p.id).map((r) => r.team),
    })),
  };
}

/** How many of the scope's organisation's people are invited, active and deactivated. */
export async function countPeopleByStatus(scope: Scope): Promise<Record<PersonStatus, number>> {
  const { db, organisationId } = scope;
  const rows = await db.select({ status: people.status, n: count() }).from(people).where(eq(people.organisationId, organisationId)).groupBy(people.status);
  const counts: Record<PersonStatus, number> = { invited: 0, active: 0, deactivated: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** Active people holding the mentor role, for choosing someone's practice mentor. */
export async function listMentors(scope: Scope) {
  const { db, organisationId } = scope;
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .innerJoin(personRoles, and(eq(personRoles.personId, people.id), eq(personRoles.role, 'mentor')))
    .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active')))
    .orderBy(asc(people.name));
}

/** A mentor's mentees within the scope's organisation. */
export async function listMenteesOf(scope: Scope, mentorId: string) {
  const { db, organisationId } = scope;
  return db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status })
    .from(mentorLinks)
    .innerJoin(people, eq(people.id, mentorLinks.menteeId))
    .where(and(eq(mentorLinks.mentorId, mentorId), eq(people.organisationId, organisationId)))
    .orderBy(asc(people.name));
}

/** Teams of the scope's organisation with member and manager names, optionally only the given ids. */
export async function listTeamsWithPeople(scope: Scope, onlyTeamIds?: readonly string[]) {
  const { db, organisationId } = scope;
  if (onlyTeamIds && onlyTeamIds.length === 0) return [];
  const teamRows = await db
    .select()
    .from(teams)
    .where(onlyTeamIds ? and(eq(teams.organisationId, organisationId), inArray(teams.id, [...onlyTeamIds])) : eq(teams.organisationId, organisationId))
    .orderBy(asc(teams.nameEn));
  const ids = teamRows.map((t) => t.id);
  if (!ids.length) return [];
  const [members, managers] = await Promise.all([
    db.select({ teamId: teamMemberships.teamId, id: people.id, name: people.name, status: people.status }).from(teamMemberships).innerJoin(people, eq(people.id, teamMemberships.personId)).where(inArray(teamMemberships.teamId, ids)).orderBy(asc(people.name)),
    db.select({ teamId: teamManagers.teamId, id: people.id, name: people.name }).from(teamManagers).innerJoin(people, eq(people.id, teamManagers.personId)).where(inArray(teamManagers.teamId, ids)).orderBy(asc(people.name)),
  ]);
  return teamRows.map((team) => ({
    ...team,
    members: members.filter((m) => m.teamId === team.id),
    managers: managers.filter((m) => m.teamId === team.id),
  }));
}

/** The scope's organisation's teams by English name. */
export async function listTeams(scope: Scope): Promise<Team[]> {
  const { db, organisationId } = scope;
  return db.select().from(teams).where(eq(teams.organisationId, organisationId)).orderBy(asc(teams.nameEn));
}

/** Every person in the organisation by name (for filters and pickers). */
export async function listPeopleNames(scope: Scope) {
  const { db, organisationId } = scope;
  return db.select({ id: people.id, name: people.name }).from(people).where(eq(people.organisationId, organisationId)).orderBy(asc(people.name));
}


/**
 * The person's organisation as an SQL expression, for rows that carry it (learning records,
 * CPD entries): read in the same statement, so it is always the person's own.
 */
export function organisationOf(personId: string): SQL<string> {
  return sql<string>`(SELECT ${people.organisationId} FROM ${people} WHERE ${people.id} = ${personId})`;
}
