import type { APIRoute } from 'astro';
import { londonDate } from '../../domain/common/index.ts';
import { signedIn } from '../../server/auth/index.ts';
import { listProgrammes, pick } from '../../server/content/index.ts';
import { csvResponse } from '../../server/platform/index.ts';
import { auditWelshMediumExport, periodFrom, welshMediumCsv, welshMediumFigures } from '../../server/training/index.ts';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The Welsh-medium figures as a CSV in the reader's language (admins; audited). */
export const GET: APIRoute = async ({ url, locals }) => {
  const { scope } = signedIn(locals);
  const { t, locale } = locals;
  const chosen = periodFrom(url.searchParams, londonDate(scope.now.getTime()));
  if (!chosen.ok) return text(Object.values(chosen.errors).map((e) => t(e.key)).join('\n'), 422);
  const figures = await welshMediumFigures(scope, chosen.period);
  if (!figures) return text(t('errors.403.title'), 403);
  const titles = new Map((await listProgrammes()).map((p) => [p.id, pick(p.title, locale)]));
  await auditWelshMediumExport(scope, chosen.period, locals.ip);
  const csv = welshMediumCsv(figures, t, (id) => titles.get(id) ?? id);
  return csvResponse(csv, `${locale === 'cy' ? 'cyfran-cyfrwng-cymraeg' : 'welsh-medium-share'}-${figures.period.from}-${figures.period.to}.csv`);
};
