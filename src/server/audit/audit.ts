import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditEvents, people } from '../../../db/schema/index.ts';
import { type AuditAction } from '../../domain/audit/index.ts';
import type { Scope } from '../people/index.ts';

export type AuditEntry = {
  organisationId: string | null;
  actorId: string | null;
  subjectId?: string | null;
  action: AuditAction;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

type Writer = Pick<Db, 'insert'>;

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function recordAudit(db: Writer, entry: AuditEntry, now = Date.now()): Promise<void> {
  await db.insert(auditEvents).values({
    organisationId: entry.organisationId,
    actorId: entry.actorId,
    subjectId: entry.subjectId ?? null,
    action: entry.action,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
    at: now,
  });
}

export type AuditFilter = { personId?: string; action?: AuditAction; limit?: number; offset?: number };

/** The scope's organisation's audit log, newest first; `personId` matches the actor or the subject. */
export async function listAudit({ db, organisationId }: Scope, filter: AuditFilter = {}) {
  const conditions: SQL[] = [eq(auditEvents.organisationId, organisationId)];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.personId) conditions.push(or(eq(auditEvents.actorId, filter.personId), eq(auditEvents.subjectId, filter.personId))!);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0);
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.subjectId]).filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  if (ids.length) {
    const found = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.organisationId, organisationId));
    for (const p of found) if (ids.includes(p.id)) names.set(p.id, p.name);
  }
  return rows.map((r) => ({
    ...r,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    subjectName: r.subjectId ? (names.get(r.subjectId) ?? null) : null,
  }));
}
