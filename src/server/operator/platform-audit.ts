import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations, people, platformAuditEvents } from '../../../db/schema/index.ts';
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

/** A page of the platform audit log, newest first: who (an operator), what, which organisation, when. */
export async function listPlatformAudit({ db }: OperatorScope, page = 1) {
  const offset = (Math.max(1, page) - 1) * PLATFORM_AUDIT_PAGE_SIZE;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: platformAuditEvents.id,
        at: platformAuditEvents.at,
        action: platformAuditEvents.action,
        actorName: people.name,
        organisationNameEn: organisations.nameEn,
        organisationNameCy: organisations.nameCy,
      })
      .from(platformAuditEvents)
      .leftJoin(people, eq(people.id, platformAuditEvents.actorId))
      .leftJoin(organisations, eq(organisations.id, platformAuditEvents.organisationId))
      .orderBy(desc(platformAuditEvents.at), desc(platformAuditEvents.id))
      .limit(PLATFORM_AUDIT_PAGE_SIZE)
      .offset(offset),
    db.select({ n: count() }).from(platformAuditEvents),
  ]);
  // An action outside the vocabulary (written by a later version) is shown as stored.
  return { rows: rows.map((r) => ({ ...r, action: isPlatformAuditAction(r.action) ? r.action : null, storedAction: r.action })), total: total?.n ?? 0 };
}
