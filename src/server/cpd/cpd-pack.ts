import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { cpdEntries } from '../../../db/schema/index.ts';
import { cpdDay, decimalHours, inPeriod, totalsByKind, type CpdPeriod } from '../../domain/cpd/index.ts';
import { formatDay, type Locale } from '../../domain/common/index.ts';
import { formatDuration, labelKey, translator } from '../../i18n/index.ts';
import type { Scope } from '../people/index.ts';
import { toCsv } from '../platform/index.ts';

const DAY_MS = 86_400_000;

/**
 * The CPD pack for Social Care Wales: the viewer's own entries in the period, oldest first, in
 * their language, with date, title, time, how each contributed and when (and with whom) it was
 * discussed, and the totals by kind.
 */
export async function cpdPack(scope: Scope, locale: Locale, period: CpdPeriod) {
  const t = translator(locale);
  // A day either side, then the UK calendar day decides.
  const rows = await scope.db
    .select()
    .from(cpdEntries)
    .where(and(eq(cpdEntries.personId, scope.viewer.id), eq(cpdEntries.organisationId, scope.organisationId), gte(cpdEntries.completedAt, Date.parse(`${period.from}T00:00:00Z`) - DAY_MS), lte(cpdEntries.completedAt, Date.parse(`${period.to}T00:00:00Z`) + 2 * DAY_MS)))
    .orderBy(asc(cpdEntries.completedAt));
  const entries = rows.filter((r) => inPeriod(r.completedAt, period));
  const totalMinutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  return {
    period: { from: formatDay(locale, period.from), to: formatDay(locale, period.to) },
    rows: entries.map((e) => ({
      id: e.id,
      date: formatDay(locale, cpdDay(e.completedAt)),
      title: locale === 'cy' ? e.titleCy : e.titleEn,
      kind: t(labelKey('cpd.kind', e.kind)),
      provider: e.provider ?? '',
      minutes: e.minutes,
      time: formatDuration(locale, e.minutes),
      hours: decimalHours(e.minutes),
      contribution: e.contribution ?? '',
      discussed: e.discussedWith && e.discussedOn ? t('cpd.discussedOnWith', { date: formatDay(locale, e.discussedOn), role: t(labelKey('cpd.role', e.discussedWith)) }) : '',
    })),
    byKind: totalsByKind(entries).map((k) => ({ kind: t(labelKey('cpd.kind', k.kind)), entries: k.entries, minutes: k.minutes, time: formatDuration(locale, k.minutes), hours: decimalHours(k.minutes) })),
    total: { entries: entries.length, minutes: totalMinutes, time: formatDuration(locale, totalMinutes), hours: decimalHours(totalMinutes) },
  };
}

export type CpdPack = Awaited<ReturnType<typeof cpdPack>>;

/** The CPD pack as a CSV in the pack's language: one row per entry, then the totals by kind and overall. */
export function cpdPackCsv(pack: CpdPack, locale: Locale): string {
  const t = translator(locale);
  return toCsv(
    [t('cpd.date'), t('cpd.activity'), t('cpd.kind'), t('cpd.provider'), t('cpd.hours'), t('cpd.contribution'), t('cpd.discussed')],
    [
      ...pack.rows.map((r) => [r.date, r.title, r.kind, r.provider, r.hours, r.contribution, r.discussed]),
      ...pack.byKind.map((k) => [t('cpd.pack.totalFor', { kind: k.kind }), '', k.kind, '', k.hours, '', '']),
      [t('cpd.pack.total'), '', '', '', pack.total.hours, '', ''],
    ],
  );
}
