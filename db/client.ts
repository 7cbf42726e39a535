import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client, type InArgs, type InStatement, type Transaction, type TransactionMode } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';
import { processWriteLock } from './write-lock.ts';
import { countingClient } from './statement-count.ts';

export type Db = LibSQLDatabase<typeof schema>;
export type Database = { db: Db; client: Client; url: string };

export const DEFAULT_DATABASE_URL = 'file:./data/camau.db';

/** Path of a `file:` URL on disk, or null for a server URL (libsql://, http(s)://, ws(s)://). */
export function localFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  return resolve(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));
}

const isRead = (stmt: InStatement) => /^\s*select\b/i.test(typeof stmt === 'string' ? stmt : stmt.sql);

/**
 * The local libSQL driver is synchronous: if one request holds a write transaction open across
 * an `await` and another request in the same process writes, SQLite's busy handler blocks the
 * whole event loop, the first transaction can never finish, and both fail after busy_timeout.
 * So writes from this process take turns (reads still run side by side under WAL). Under the
 * supervisor they also take turns with the other workers' (`processWriteLock`), so no worker waits
 * for another's lock in SQLite's busy handler, which would sleep its whole event loop; any other
 * process (a script) is kept in step by SQLite's own locking and busy_timeout.
 */
export function serialiseWrites(client: Client, acquire: () => Promise<() => void> = processWriteLock()): Client {
  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      switch (property) {
        case 'execute':
          return (stmt: InStatement | string, args?: InArgs) => {
            const run = () => (typeof stmt === 'string' ? target.execute(stmt, args) : target.execute(stmt));
            return isRead(stmt) ? run() : locked(run);
          };
        case 'batch':
        case 'migrate':
        case 'executeMultiple':
          return (...params: unknown[]) => locked(() => (target[property] as (...p: unknown[]) => Promise<unknown>)(...params));
        case 'transaction':
          return async (mode?: TransactionMode): Promise<Transaction> => {
            if (mode === 'read') return target.transaction(mode);
            const release = await acquire();
            try {
              const tx = await target.transaction(mode);
              const finish = <A extends unknown[], R>(fn: (...a: A) => R) => (...a: A): R => {
                const result = fn(...a);
                Promise.resolve(result).finally(release).catch(() => {});
                return result;
              };
              tx.commit = finish(tx.commit.bind(tx));
              tx.rollback = finish(tx.rollback.bind(tx));
              tx.close = finish(tx.close.bind(tx));
              return tx;
            } catch (error) {
              release();
              throw error;
            }
          };
        default: {
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}

/**
 * Opens the database named by `url`. Local files get their folder created and WAL mode;
 * foreign keys are on and `busy_timeout` is 5 s on every pooled connection (libSQL defaults + `timeout`).
 * Throws when the URL is unusable, so callers can refuse to start with a clear message.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const filePath = localFilePath(url);
  if (filePath) mkdirSync(dirname(filePath), { recursive: true });
  const raw = createClient({ url, authToken: authToken || undefined, timeout: 5000 });
  const client = countingClient(filePath ? serialiseWrites(raw) : raw);
  try {
    await client.execute('SELECT 1');
    if (filePath) await client.execute('PRAGMA journal_mode=WAL');
  } catch (error) {
    client.close();
    throw error;
  }
  return { db: drizzle(client, { schema }), client, url };
}
