import type { AstroGlobal } from 'astro';
import { readConfig } from './platform/index.ts';
import { getDb } from './platform/index.ts';
import { getMailer } from './mail/index.ts';
import type { AdminContext } from './people/index.ts';
import { operatorSignedIn, signedIn } from './auth/index.ts';
import type { OperatorContext } from './operator/index.ts';

/** The shared services a page needs. */
export async function services() {
  const config = readConfig();
  return { db: await getDb(), mailer: getMailer(config), config };
}

/** The acting administrator's scope with mail, for admin pages (the route rule has already checked the role). */
export function adminContext(astro: AstroGlobal): AdminContext {
  const config = readConfig();
  return { scope: signedIn(astro.locals).scope, mailer: getMailer(config), publicUrl: config.publicUrl, ip: astro.locals.ip };
}

/** The acting platform operator's scope with mail, for the operator's pages (the route rule has already checked). */
export function operatorContext(astro: AstroGlobal): OperatorContext {
  const config = readConfig();
  const { sessionId: _session, ...scope } = operatorSignedIn(astro.locals);
  return { scope, mailer: getMailer(config), publicUrl: config.publicUrl, ip: astro.locals.ip };
}
