import { and, count, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { moduleCompletions, people, registerRows, workshops } from '../../../db/schema/index.ts';
import { addDays, isCalendarDate } from '../../domain/common/index.ts';
import { lastFinancialYear, shareOf, welshMediumShare, type Period, type WelshMediumFigures } from '../../domain/training/index.ts';
import { mayInOrganisation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { labelKey, type Translate } from '../../i18n/index.ts';
import { londonInstant, toCsv, type FieldErrors } from '../platform/index.ts';

/**
 * The period of the Welsh-medium page from `?from=&to=`: the last financial year when neither is
 * given; otherwise two real dates with `to` not before `from` (a translated error beside each).
 */
export function periodFrom(query: URLSearchParams, today: string): { ok: true; period: Period; chosen: boolean } | { ok: false; errors: FieldErrors; period: Period } {
  const from = (query.get('from') ?? '').trim();
  const to = (query.get('to') ?? '').trim();
  const fallback = lastFinancialYear(today);
  if (from === '' && to === '') return { ok: true, period: fallback, chosen: false };
  const errors: FieldErrors = {};
  if (!isCalendarDate(from)) errors.from = { key: 'welshMedium.errors.date' };
  if (!isCalendarDate(to)) errors.to = { key: 'welshMedium.errors.date' };
  else if (isCalendarDate(from) && to < from) errors.to = { key: 'welshMedium.errors.toBeforeFrom' };
  return Object.keys(errors).length ? { ok: false, errors, period: fallback } : { ok: true, period: { from, to }, chosen: true };
}

/**
 * The organisation's Welsh Language Standards figures for a period (admins): workshops by language
 * of delivery, staff attending Welsh-medium or bilingual workshops, the Welsh-medium share per
 * programme offered in both languages, and modules completed in Welsh, English or not recorded.
 * Null when the viewer may not see them.
 */
export async function welshMediumFigures(scope: Scope, period: Period): Promise<WelshMediumFigures | null> {
  const { db, viewer } = scope;
  if (!mayInOrganisation(viewer, 'training.welsh-medium.view')) return null;
  const org = scope.organisationId;
  const inPeriod = and(eq(workshops.organisationId, org), gte(workshops.date, period.from), lte(workshops.date, period.to));
  const [workshopRows, attendance, completions] = await Promise.all([
    db.select({ id: workshops.id, programmeId: workshops.programmeId, date: workshops.date, language: workshops.deliveryLanguage, cancelledAt: workshops.cancelledAt }).from(workshops).where(inPeriod),
    db
      .select({ workshopId: registerRows.workshopId, personId: registerRows.personId })
      .from(registerRows)
      .innerJoin(workshops, eq(workshops.id, registerRows.workshopId))
      .where(and(inPeriod, inArray(registerRows.mark, ['attended', 'attended-part']))),
    // Counted by language in SQL, between London midnights, so the page never reads every completion.
    db
      .select({ locale: moduleCompletions.locale, n: count() })
      .from(moduleCompletions)
      .innerJoin(people, eq(people.id, moduleCompletions.personId))
      .where(and(eq(people.organisationId, org), gte(moduleCompletions.completedAt, londonInstant(period.from, '00:00')), lt(moduleCompletions.completedAt, londonInstant(addDays(period.to, 1), '00:00'))))
      .groupBy(moduleCompletions.locale),
  ]);
  const figures = welshMediumShare(
    {
      workshops: workshopRows.map((w) => ({ id: w.id, programmeId: w.programmeId, date: w.date, language: w.language, cancelled: w.cancelledAt !== null })),
      attendance,
      completions: [],
    },
    period,
  );
  const counted = (locale: 'cy' | 'en' | null) => completions.find((c) => c.locale === locale)?.n ?? 0;
  return { ...figures, modulesCompleted: { cy: counted('cy'), en: counted('en'), notRecorded: counted(null) } };
}

/** Records that someone downloaded the Welsh-medium figures. */
export async function auditWelshMediumExport(scope: Scope, period: Period, ip: string | null): Promise<void> {
  await recordAudit(scope.db, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'export.created', detail: { export: 'welsh-medium', from: period.from, to: period.to }, ip }, scope.now.getTime());
}

/**
 * The Welsh-medium figures as a CSV (section, item, value) in the reader's language, ready to paste
 * into an annual report; a percentage below the minimum count reads "fewer than 5".
 */
export function welshMediumCsv(figures: WelshMediumFigures, t: Translate, programmeTitle: (id: string) => string): string {
  const percent = (value: number | null) => (value === null ? t('welshMedium.tooFew') : Math.round(value * 10) / 10);
  const modules = figures.modulesCompleted;
  const modulesTotal = modules.cy + modules.en + modules.notRecorded;
  const workshopsHeading = t('welshMedium.workshops.heading');
  const programmesHeading = t('welshMedium.programmes.heading');
  const modulesHeading = t('welshMedium.modules.heading');
  const rows: (string | number | null)[][] = [
    [t('welshMedium.csv.period'), t('welshMedium.from'), figures.period.from],
    [t('welshMedium.csv.period'), t('welshMedium.to'), figures.period.to],
    ...(['cy', 'en', 'bilingual'] as const).map((language) => [workshopsHeading, t(labelKey('training.language', language)), figures.workshopsByLanguage[language]]),
    [t('welshMedium.staff.heading'), t('welshMedium.csv.staff'), figures.staffAttendingWelsh],
    ...figures.programmes.flatMap((p) => [
      [programmesHeading, `${programmeTitle(p.programmeId)}: ${t('welshMedium.programmes.attendees')}`, p.attendees],
      [programmesHeading, `${programmeTitle(p.programmeId)}: ${t('welshMedium.programmes.welsh')}`, p.welshMediumAttendees],
      [programmesHeading, t('welshMedium.csv.percentWelsh', { programme: programmeTitle(p.programmeId) }), percent(shareOf(p.welshMediumAttendees, p.attendees))],
    ]),
    [modulesHeading, t('welshMedium.modules.cy'), modules.cy],
    [modulesHeading, t('welshMedium.modules.en'), modules.en],
    [modulesHeading, t('welshMedium.modules.notRecorded'), modules.notRecorded],
    [modulesHeading, `${t('welshMedium.modules.cy')} (%)`, percent(shareOf(modules.cy, modulesTotal))],
  ];
  return toCsv([t('welshMedium.csv.section'), t('welshMedium.csv.item'), t('welshMedium.csv.value')], rows);
}
