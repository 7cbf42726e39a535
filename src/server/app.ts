import type { AstroGlobal } from 'astro';
import { readConfig } from './platform/index.ts';
import { getDb } from './platform/index.ts';
import { getMailer } from './mail/index.ts';
import type { AdminContext } from './people/index.ts';

/** The shared services a page needs. */
export async function services() {
  const config = readConfig();
  return { db: await getDb(), mailer: getMailer(config), config };
}

/** Services plus the acting administrator, for admin pages (the route rule has already checked the role). */
export async function adminContext(astro: AstroGlobal): Promise<AdminContext> {
  const { db, mailer, config } = await services();
  const actor = astro.locals.viewer;
  if (!actor) throw new Error('adminContext used on a page without a signed-in person');
  return { db, mailer, publicUrl: config.publicUrl, actor, ip: astro.locals.ip };
}
