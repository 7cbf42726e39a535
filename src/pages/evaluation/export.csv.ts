import type { APIRoute } from 'astro';
import { signedIn } from '../../server/auth/index.ts';
import { loadReportContent, reportExportResponse } from '../../server/evaluation/index.ts';

/** The evaluation report for the page's period and scope, as a download (csv); the report's own access, audited. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { scope } = signedIn(locals);
  return reportExportResponse(scope, locals.locale, locals.t, await loadReportContent(), url.searchParams, 'csv', locals.ip);
};
