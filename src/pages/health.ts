import type { APIRoute } from 'astro';
import { databaseAnswers } from '../server/platform/index.ts';

/** For load balancers and uptime checks: 200 when the database answers. */
export const GET: APIRoute = async () =>
  (await databaseAnswers()) ? Response.json({ status: 'ok' }) : Response.json({ status: 'unavailable' }, { status: 503 });
