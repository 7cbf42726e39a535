import type { Db } from '../../db/client.ts';
import { loadViewer } from '../../src/server/people/people-repo.ts';
import { scopeFor, type Scope } from '../../src/server/people/scope.ts';

/** The request scope of an active person, as the middleware builds it (at `now` when given). */
export async function scopeOf(db: Db, personId: string, now?: number | Date): Promise<Scope> {
  const viewer = await loadViewer(db, personId);
  if (!viewer) throw new Error(`no active person ${personId}`);
  return scopeFor(db, viewer, now === undefined ? new Date() : new Date(now));
}
