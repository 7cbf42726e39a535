import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/client.ts';
import { auditEvents, organisations, people, platformAuditEvents } from '../../../db/schema/index.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../../domain/audit/index.ts';
import { isPlatformAuditAction, type PlatformAuditAction } from '../../domain/operator/index.ts';
import type { OperatorScope } from '../people/index.ts';

export type PlatformAuditEntry = {
  actorId: string | null;
  organisationId?: string | null;
  action: PlatformAuditAction;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

type Writer = Pick<Db, 'insert'>;

/** Appends one entry to the platform audit log, inside the caller's transaction (the one writer of it). */
export async function recordPlatformAudit(tx: Writer, entry: PlatformAuditEntry, now: number): Promise<void> {
  await tx.insert(platformAuditEvents).values({
    actorId: entry.actorId,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
    at: now,
  });
}

export const PLATFORM_AUDIT_PAGE_SIZE = 50;

/** One line of the platform log: a platform action, or an operator's own account event (sign-in, password). */
export type PlatformAuditRow = {
  at: number;
  action: { kind: 'platform'; action: PlatformAuditAction } | { kind: 'account'; action: AuditAction } | { kind: 'unknown'; action: string };
  actorName: string | null;
  /** The address the request came from, as the organisations' own audit log shows it. */
  ip: string | null;
  organisation: { nameEn: string; nameCy: string } | null;
};

const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);

/**
 * A page of the platform audit log, newest first: who (an operator), what, which organisation,
 * when. Operators' own sign-ins, sign-outs and password changes are written by the ordinary
 * account code into the audit log under the platform's row, and are shown here with the rest.
 */
export async function listPlatformAudit({ db }: OperatorScope, page = 1): Promise<{ rows: PlatformAuditRow[]; total: number }> {
  const offset = (Math.max(1, page) - 1) * PLATFORM_AUDIT_PAGE_SIZE;
  const platformRow = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'platform'));
  const platformEvents = db
    .select({ source: sql<string>`'platform'`.as('source'), at: platformAuditEvents.at, action: platformAuditEvents.action, who: platformAuditEvents.actorId, organisationId: platformAuditEvents.organisationId, ip: platformAuditEvents.ip })
    .from(platformAuditEvents);
  const accountEvents = db
    .select({ source: sql<string>`'account'`.as('source'), at: auditEvents.at, action: auditEvents.action, who: sql<string | null>`coalesce(${auditEvents.actorId}, ${auditEvents.subjectId})`.as('who'), organisationId: sql<string | null>`null`.as('organisation_id'), ip: auditEvents.ip })
    .from(auditEvents)
    .where(inArray(auditEvents.organisationId, platformRow));
  const [rows, [platformTotal], [accountTotal]] = await Promise.all([
    unionAll(platformEvents, accountEvents).orderBy(desc(sql`at`)).limit(PLATFORM_AUDIT_PAGE_SIZE).offset(offset),
    db.select({ n: count() }).from(platformAuditEvents),
    db.select({ n: count() }).from(auditEvents).where(inArray(auditEvents.organisationId, platformRow)),
  ]);
  const personIds = [...new Set(rows.map((r) => r.who).filter((id): id is string => id !== null))];
  const organisationIds = [...new Set(rows.map((r) => r.organisationId).filter((id): id is string => id !== null))];
  const [names, councils] = await Promise.all([
    // Only operators act here, so only operators' names are read.
    personIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)) : [],
    organisationIds.length ? db.select({ id: organisations.id, nameEn: organisations.nameEn, nameCy: organisations.nameCy }).from(organisations).where(inArray(organisations.id, organisationIds)) : [],
  ]);
  return {
    rows: rows.map((r) => {
      const council = councils.find((c) => c.id === r.organisationId);
      const action: PlatformAuditRow['action'] =
        r.source === 'platform' && isPlatformAuditAction(r.action)
          ? { kind: 'platform', action: r.action }
          : r.source === 'account' && isAuditAction(r.action)
            ? { kind: 'account', action: r.action }
            : { kind: 'unknown', action: r.action };
      return { at: r.at, action, actorName: names.find((n) => n.id === r.who)?.name ?? null, ip: r.ip, organisation: council ? { nameEn: council.nameEn, nameCy: council.nameCy } : null };
    }),
    total: (platformTotal?.n ?? 0) + (accountTotal?.n ?? 0),
  };
}
