import type { Locale } from '../common/index.ts';
import type { Role } from './roles.ts';

export const IMPORT_COLUMNS = ['name', 'email', 'team', 'roles', 'language'] as const;
export const IMPORT_MAX_ROWS = 2000;
export const IMPORT_MAX_BYTES = 1024 * 1024;

/**
 * The largest request body Camau accepts: the largest legitimate upload is the people-import
 * CSV (IMPORT_MAX_BYTES); twice that leaves room for the multipart wrapping and other fields.
 */
export const REQUEST_BODY_LIMIT = 2 * IMPORT_MAX_BYTES;

/** Column names accepted in either language. */
const COLUMN_ALIASES: Record<string, (typeof IMPORT_COLUMNS)[number]> = {
  name: 'name', enw: 'name',
  email: 'email', 'e-bost': 'email', ebost: 'email',
  team: 'team', teams: 'team', 'tîm': 'team', tim: 'team', timau: 'team',
  roles: 'roles', role: 'roles', rolau: 'roles', 'rôl': 'roles',
  language: 'language', iaith: 'language',
};
const ROLE_ALIASES: Record<string, Role> = {
  learner: 'learner', dysgwr: 'learner',
  mentor: 'mentor', 'practice mentor': 'mentor', 'mentor ymarfer': 'mentor',
  manager: 'manager', 'team manager': 'manager', rheolwr: 'manager', 'rheolwr tîm': 'manager',
  admin: 'admin', administrator: 'admin', gweinyddwr: 'admin',
};
const LANGUAGE_ALIASES: Record<string, Locale> = {
  cy: 'cy', welsh: 'cy', cymraeg: 'cy',
  en: 'en', english: 'en', saesneg: 'en',
};

export type ImportProblem =
  | { line: number; key: 'import.badHeader' | 'import.empty' | 'import.tooMany'; params?: Record<string, string | number> }
  | {
      line: number;
      field: (typeof IMPORT_COLUMNS)[number];
      key:
        | 'errors.required'
        | 'errors.tooLong'
        | 'errors.emailInvalid'
        | 'errors.emailTaken'
        | 'errors.teamUnknown'
        | 'errors.roleUnknown'
        | 'errors.roleRequired'
        | 'errors.languageUnknown'
        | 'import.duplicate';
      params?: Record<string, string | number>;
    };

export type ImportPerson = { line: number; name: string; email: string; teamIds: string[]; roles: Role[]; locale: Locale };

export type ImportContext = {
  /** Team id by lower-cased English or Welsh team name. */
  teamIdByName: ReadonlyMap<string, string>;
  /** Lower-cased addresses that already have an account anywhere on the platform. */
  existingEmails: ReadonlySet<string>;
};

// Deliberately simple: one @, no spaces, a dot in the domain. The invitation proves the rest.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An alias lookup that ignores inherited keys such as "constructor" or "__proto__". */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function splitList(value: string): string[] {
  return value.split(/[;|]/).map((v) => v.trim()).filter(Boolean);
}

/**
 * Validates parsed CSV records (`records[0]` is the header, `lines[i]` the file line of record i).
 * Returns every problem with its line number, or the people to import when there are none:
 * an import is all or nothing.
 */
export function validateImport(
  records: readonly (readonly string[])[],
  lines: readonly number[],
  context: ImportContext,
): { ok: true; people: ImportPerson[] } | { ok: false; problems: ImportProblem[] } {
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => lookup(COLUMN_ALIASES, h.trim().toLowerCase().replace(/^\uFEFF/, '')));
  const index = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<(typeof IMPORT_COLUMNS)[number], number>;
  if (!header || Object.values(index).some((i) => i < 0)) return { ok: false, problems: [{ line: 1, key: 'import.badHeader' }] };
  const dataRows = rows.map((row, i) => ({ row, line: lines[i + 1] ?? i + 2 })).filter(({ row }) => row.some((cell) => cell.trim() !== ''));
  if (dataRows.length === 0) return { ok: false, problems: [{ line: 2, key: 'import.empty' }] };
  if (dataRows.length > IMPORT_MAX_ROWS) return { ok: false, problems: [{ line: 1, key: 'import.tooMany', params: { max: IMPORT_MAX_ROWS } }] };

  const problems: ImportProblem[] = [];
  const people: ImportPerson[] = [];
  const firstLineByEmail = new Map<string, number>();
  for (const { row, line } of dataRows) {
    const cell = (column: (typeof IMPORT_COLUMNS)[number]) => (row[index[column]] ?? '').trim();
    const rowProblems: ImportProblem[] = [];
    const name = cell('name');
    if (!name) rowProblems.push({ line, field: 'name', key: 'errors.required' });
    else if (name.length > 200) rowProblems.push({ line, field: 'name', key: 'errors.tooLong', params: { max: 200 } });

    const email = cell('email').toLowerCase();
    if (!email) rowProblems.push({ line, field: 'email', key: 'errors.required' });
    else if (email.length > 254 || !EMAIL_SHAPE.test(email)) rowProblems.push({ line, field: 'email', key: 'errors.emailInvalid' });
    else if (context.existingEmails.has(email)) rowProblems.push({ line, field: 'email', key: 'errors.emailTaken' });
    else if (firstLineByEmail.has(email)) rowProblems.push({ line, field: 'email', key: 'import.duplicate', params: { line: firstLineByEmail.get(email)! } });
    else firstLineByEmail.set(email, line);

    const teamIds: string[] = [];
    const teamNames = splitList(cell('team'));
    for (const team of teamNames) {
      const id = context.teamIdByName.get(team.toLowerCase());
      if (id) teamIds.push(id);
      else rowProblems.push({ line, field: 'team', key: 'errors.teamUnknown', params: { team } });
    }

    const roles: Role[] = [];
    const roleNames = splitList(cell('roles'));
    if (roleNames.length === 0) rowProblems.push({ line, field: 'roles', key: 'errors.roleRequired' });
    for (const role of roleNames) {
      const known = lookup(ROLE_ALIASES, role.toLowerCase());
      if (known) roles.push(known);
      else rowProblems.push({ line, field: 'roles', key: 'errors.roleUnknown', params: { role } });
    }

    const language = cell('language');
    const locale = lookup(LANGUAGE_ALIASES, language.toLowerCase());
    if (!language) rowProblems.push({ line, field: 'language', key: 'errors.required' });
    else if (!locale) rowProblems.push({ line, field: 'language', key: 'errors.languageUnknown', params: { language } });

    if (rowProblems.length) problems.push(...rowProblems);
    else people.push({ line, name, email, teamIds: [...new Set(teamIds)], roles: [...new Set(roles)], locale: locale! });
  }
  return problems.length ? { ok: false, problems } : { ok: true, people };
}
