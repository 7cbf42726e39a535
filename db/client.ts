import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema>;
export type Database = { db: Db; client: Client; url: string };

export const DEFAULT_DATABASE_URL = 'file:./data/camau.db';

/** Path of a `file:` URL on disk, or null for a server URL (libsql://, http(s)://, ws(s)://). */
export function localFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  return resolve(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));
}

/**
 * Opens the database named by `url`. Local files get their folder created and WAL mode;
 * foreign keys are on and `busy_timeout` is 5 s on every pooled connection (libSQL defaults + `timeout`).
 * Throws when the URL is unusable, so callers can refuse to start with a clear message.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const filePath = localFilePath(url);
  if (filePath) mkdirSync(dirname(filePath), { recursive: true });
  const client = createClient({ url, authToken: authToken || undefined, timeout: 5000 });
  try {
    await client.execute('SELECT 1');
    if (filePath) await client.execute('PRAGMA journal_mode=WAL');
  } catch (error) {
    client.close();
    throw error;
  }
  return { db: drizzle(client, { schema }), client, url };
}
