import { parse } from 'csv-parse/sync';
import { inArray } from 'drizzle-orm';
import { people, personRoles, teamMemberships } from '../../../db/schema/index.ts';
import { validateImport, type ImportProblem } from '../../domain/people/people-import.ts';
import { recordAudit } from '../audit/index.ts';
import { accountLinkUrl, issueAccountLink } from '../auth/index.ts';
import { newId } from '../platform/index.ts';
import { sendMail } from '../mail/index.ts';
import { listTeams } from './people-repo.ts';
import type { AdminContext } from './people-admin.ts';
import { nameIn } from '../../domain/common/index.ts';

import { IMPORT_MAX_BYTES } from '../../domain/people/index.ts';

export { IMPORT_MAX_BYTES };

export type ImportResult =
  | { ok: true; count: number }
  | { ok: false; problems: ImportProblem[] }
  | { ok: false; fileError: 'import.tooLarge' | 'import.unreadable' | 'import.noFile' };

/**
 * Imports people from CSV text (name, email, team, roles, language). Every bad row is reported
 * with its line number; if there is any, nothing is imported. Otherwise everyone is created in
 * one transaction and then invited.
 */
export async function importPeople(ctx: AdminContext, csv: string): Promise<ImportResult> {
  const now = ctx.scope.now.getTime();
  if (!csv.trim()) return { ok: false, fileError: 'import.noFile' };
  if (Buffer.byteLength(csv) > IMPORT_MAX_BYTES) return { ok: false, fileError: 'import.tooLarge' };
  let records: string[][];
  const lines: number[] = [];
  try {
    const parsed = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    // `info.lines` is the line a record ends on; records here are single-line unless quoted.
    for (const p of parsed) lines.push(p.info.lines);
  } catch {
    return { ok: false, fileError: 'import.unreadable' };
  }
  const teamList = await listTeams(ctx.scope);
  const teamIdByName = new Map<string, string>();
  for (const t of teamList) {
    teamIdByName.set(t.nameEn.toLowerCase(), t.id);
    teamIdByName.set(t.nameCy.toLowerCase(), t.id);
  }
  const existingEmails = new Set((await ctx.scope.db.select({ email: people.email }).from(people)).map((r) => r.email));
  const checked = validateImport(records, lines, { teamIdByName, existingEmails });
  if (!checked.ok) return checked;

  const invitations = await ctx.scope.db.transaction(async (tx) => {
    // Re-check before writing anything: an address may have been taken since validation, and the
    // write lock this transaction holds means none can be taken from now until it commits.
    const wanted = checked.people.map((p) => p.email);
    const taken = new Set((await tx.select({ email: people.email }).from(people).where(inArray(people.email, wanted))).map((r) => r.email));
    if (taken.size) {
      return { kind: 'taken' as const, problems: checked.people.filter((p) => taken.has(p.email)).map((p) => ({ line: p.line, field: 'email', key: 'errors.emailTaken' }) as ImportProblem) };
    }
    const result: { id: string; email: string; name: string; locale: 'cy' | 'en'; token: string }[] = [];
    for (const person of checked.people) {
      const id = newId();
      await tx.insert(people).values({ id, organisationId: ctx.scope.organisationId, email: person.email, name: person.name, locale: person.locale, status: 'invited', createdAt: now, updatedAt: now });
      await tx.insert(personRoles).values(person.roles.map((role) => ({ personId: id, role })));
      if (person.teamIds.length) await tx.insert(teamMemberships).values(person.teamIds.map((teamId) => ({ personId: id, teamId })));
      const token = await issueAccountLink(tx, id, 'invitation', now);
      result.push({ id, email: person.email, name: person.name, locale: person.locale, token });
    }
    await recordAudit(tx, { organisationId: ctx.scope.organisationId, actorId: ctx.scope.viewer.id, action: 'people.imported', detail: { count: result.length, personIds: result.map((r) => r.id) }, ip: ctx.ip }, now);
    return { kind: 'imported' as const, people: result };
  });
  if (invitations.kind === 'taken') return { ok: false, problems: invitations.problems };
  for (const p of invitations.people) {
    await sendMail(ctx.scope.db, ctx.mailer, {
      organisationId: ctx.scope.organisationId,
      organisationName: nameIn(p.locale, ctx.scope.viewer.organisation),
      personId: p.id,
      to: p.email,
      recipientName: p.name,
      locale: p.locale,
      template: 'invitation',
      link: accountLinkUrl(ctx.publicUrl, p.locale, p.token),
    }, now);
  }
  return { ok: true, count: invitations.people.length };
}
