import { and, eq, notInArray } from 'drizzle-orm';
import { noticePreferences } from '../../../db/schema/index.ts';
import { NOTICE_KINDS, type NoticeKind } from '../../domain/mail/index.ts';
import type { Scope } from '../people/index.ts';

/** The notice kinds the viewer still receives (every kind they have not turned off). */
export async function noticesReceived(scope: Scope): Promise<NoticeKind[]> {
  const off = await scope.db.select({ kind: noticePreferences.kind }).from(noticePreferences).where(eq(noticePreferences.personId, scope.viewer.id));
  const offKinds = new Set(off.map((row) => row.kind));
  return NOTICE_KINDS.filter((kind) => !offKinds.has(kind));
}

/** Keeps exactly `receive` switched on for the viewer; every other kind is turned off. */
export async function setNoticesReceived(scope: Scope, receive: readonly NoticeKind[]): Promise<void> {
  const off = NOTICE_KINDS.filter((kind) => !receive.includes(kind));
  const at = scope.now.getTime();
  await scope.db.transaction(async (tx) => {
    await tx.delete(noticePreferences).where(off.length
      ? and(eq(noticePreferences.personId, scope.viewer.id), notInArray(noticePreferences.kind, off))
      : eq(noticePreferences.personId, scope.viewer.id));
    if (off.length) await tx.insert(noticePreferences).values(off.map((kind) => ({ personId: scope.viewer.id, kind, optedOutAt: at }))).onConflictDoNothing();
  });
}
