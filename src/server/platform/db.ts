import { openDatabase, type Database } from '../../../db/client.ts';
import { readConfig } from './config.ts';

// Kept on globalThis so the built server and scripts/serve.ts (which loads this module
// separately, to run scheduled jobs) share one connection and one write lock.
const shared = globalThis as typeof globalThis & { [key: symbol]: Promise<Database> | undefined };
const KEY = Symbol.for('camau.database');

/** The server's shared database connection, opened on first use from DATABASE_URL. */
export async function getDb() {
  shared[KEY] ??= (() => {
    const config = readConfig();
    return openDatabase(config.databaseUrl, config.databaseAuthToken);
  })();
  return (await shared[KEY]).db;
}

/** Closes the shared connection, if one was opened; the next `getDb` opens a new one. */
export async function closeDb(): Promise<void> {
  const open = shared[KEY];
  shared[KEY] = undefined;
  if (open) (await open.catch(() => null))?.client.close();
}
