import { sql } from 'drizzle-orm';
import { getDb } from './db.ts';

/** Whether the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await (await getDb()).run(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
