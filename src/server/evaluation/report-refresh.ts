// **Refresh figures**: the report's levels 1–3 computed again now, instead of the kept ones.
import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Scope } from '../people/index.ts';
import { formValues, readFormData } from '../platform/index.ts';
import { evaluationReportData, reportChoices, type ReportContent } from './report-model.ts';

/**
 * Recomputes the figures of the posted period and scope and goes back to the report showing them
 * (303), or 403 (the report is not the viewer's) or 404 (a scope the viewer may not choose). Figures
 * computed less than 30 seconds ago are not recomputed: the report shows them with a notice.
 */
export async function refreshReportResponse(scope: Scope, locale: Locale, t: Translate, content: ReportContent, request: Request): Promise<Response> {
  const choices = await reportChoices(scope, locale, content);
  if (!choices) return new Response(t('errors.403.title'), { status: 403 });
  const values = formValues(await readFormData(request));
  const query = new URLSearchParams({ from: String(values.from ?? ''), to: String(values.to ?? ''), scope: String(values.scope ?? '') });
  if (!choices.options.some((o) => o.key === query.get('scope'))) return new Response(t('errors.404.title'), { status: 404 });
  const data = await evaluationReportData(scope, locale, choices, query, { refresh: true });
  if (!data) return new Response(t('errors.404.title'), { status: 404 });
  // A recomputation stamps the request's clock; anything earlier is the kept figures, served because they are recent.
  const recent = data.computedAt !== null && data.computedAt !== scope.now.getTime();
  const back = new URLSearchParams({ from: data.period.from, to: data.period.to, scope: data.chosen.key, done: recent ? 'recent' : 'refreshed' });
  return new Response(null, { status: 303, headers: { Location: `${localePath(locale, '/evaluation')}?${back}` } });
}
