import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../../db/seed/demo.ts';
import { mailOutbox } from '../../db/schema/index.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { outboxOnlyMailer } from '../../src/server/mail/mailer.ts';
import type { AdminContext } from '../../src/server/people/people-admin.ts';
import type { Mailer } from '../../src/server/mail/mailer.ts';
import { scopeOf } from '../support/scope.ts';

let demoHash: Promise<string> | undefined;

/** A new, migrated database file in a temporary folder, optionally with the demo data. */
export async function freshDatabase(options: { demo?: boolean } = {}): Promise<Database & { dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'camau-test-'));
  const database = await openDatabase(`file:${join(dir, 'camau.db')}`);
  await migrateDatabase(database.db);
  if (options.demo) {
    demoHash ??= hashPassword(DEMO_PASSWORD);
    await seedDemo(database.db, await demoHash);
  }
  return {
    ...database,
    dir,
    cleanup: () => {
      database.client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const quietMailer = outboxOnlyMailer(() => {});
export const PUBLIC_URL = new URL('http://camau.test');

/** An admin context acting as the demo organisation's administrator. */
export async function demoAdmin(database: Database, overrides: { now?: number; mailer?: Mailer } = {}): Promise<AdminContext> {
  return { scope: await scopeOf(database.db, 'demo-admin', overrides.now), mailer: overrides.mailer ?? quietMailer, publicUrl: PUBLIC_URL, ip: '127.0.0.1' };
}

/** The token in the newest e-mail's set-password link. */
export async function latestLinkToken(database: Database): Promise<{ token: string; to: string; text: string; subject: string }> {
  const [mail] = await database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(1);
  if (!mail) throw new Error('no e-mail in the outbox');
  // Tests read the message as its addressee would: with its live link.
  const text = mail.liveText ?? mail.text;
  return { token: tokenFromText(text), to: mail.toAddress, text, subject: mail.subject };
}

export function tokenFromText(text: string): string {
  const match = /set-password\?token=([a-z2-7]+\.[a-z2-7]+)/.exec(text);
  if (!match) throw new Error(`no set-password link in:\n${text}`);
  return match[1]!;
}

/** A form POST as a browser sends it; a field given as a list is sent once per value. */
export function formPost(fields: Record<string, string | readonly string[]>, path = '/'): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) body.append(name, v);
  return new Request(new URL(path, PUBLIC_URL), { method: 'POST', body });
}
