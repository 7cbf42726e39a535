import type { APIRoute } from 'astro';
import { databaseWorks } from '../server/platform/index.ts';

/** For load balancers and uptime checks: 200 when the database answers and takes a write, else 503. */
export const GET: APIRoute = async () =>
  (await databaseWorks()) ? Response.json({ status: 'ok' }) : Response.json({ status: 'unavailable' }, { status: 503 });
