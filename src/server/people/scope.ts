import type { Db } from '../../../db/client.ts';
import type { Viewer } from './people-repo.ts';

/**
 * Everything a repository function needs to act for a signed-in person, built once per request:
 * the database, who is asking, their organisation (every read and write is limited to it) and
 * the request's one clock reading (so every time stamped in a request is the same).
 */
export type Scope = { db: Db; viewer: Viewer; organisationId: string; now: Date };

/** The scope of a request by this viewer. */
export function scopeFor(db: Db, viewer: Viewer, now: Date = new Date()): Scope {
  return { db, viewer, organisationId: viewer.organisationId, now };
}
