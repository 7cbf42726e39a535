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

/**
 * A platform operator's request: no organisation at all. Only the operator capability
 * (server/operator) takes it; it reads organisations, never their people's records.
 */
export type OperatorScope = { db: Db; operator: Viewer; now: Date };

/** Thrown when organisation-scoped code is handed an operator's scope: a bug, never a page's answer. */
export class ScopeRefused extends Error {
  constructor(part: string) {
    super(`An operator's request has no organisation: organisation-scoped code read scope.${part}`);
    this.name = 'ScopeRefused';
  }
}

/**
 * The organisation scope of an operator's request: any read of its organisation, database or
 * viewer throws ScopeRefused, so every organisation-scoped repository refuses it.
 */
export function refusingScope(now: Date = new Date()): Scope {
  const refuse = (part: string) => () => {
    throw new ScopeRefused(part);
  };
  return Object.freeze(
    Object.defineProperties({ now } as Scope, {
      organisationId: { get: refuse('organisationId'), enumerable: false },
      db: { get: refuse('db'), enumerable: false },
      viewer: { get: refuse('viewer'), enumerable: false },
    }),
  );
}
