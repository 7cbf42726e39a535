import { openDatabase, type Database } from '../../../db/client.ts';
import { readConfig } from './config.ts';

let database: Promise<Database> | undefined;

/** The server's shared database connection, opened on first use from DATABASE_URL. */
export async function getDb() {
  database ??= (() => {
    const config = readConfig();
    return openDatabase(config.databaseUrl, config.databaseAuthToken);
  })();
  return (await database).db;
}
