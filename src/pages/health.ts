import type { APIRoute } from 'astro';
import { sql } from 'drizzle-orm';
import { getDb } from '../server/db.ts';

/** For load balancers and uptime checks: 200 when the database answers. */
export const GET: APIRoute = async () => {
  try {
    await (await getDb()).run(sql`SELECT 1`);
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503 });
  }
};
