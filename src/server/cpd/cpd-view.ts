import { cpdTotals } from '../../domain/cpd/cpd.ts';
import type { Locale } from '../../domain/common/index.ts';
import { formatDateTime, formatDuration, translator, labelKey } from '../../i18n/index.ts';
import { getModule, listProgrammes, pick } from '../content/index.ts';
import type { Scope } from '../people/index.ts';
import { listCpdEntries, listReflections } from '../learning/index.ts';

/** The viewer's CPD record as pages and exports show it, in one language, with time in hours and minutes. */
export async function cpdRecord(scope: Scope, locale: Locale) {
  const t = translator(locale);
  const [entries, programmes] = await Promise.all([listCpdEntries(scope), listProgrammes()]);
  const programmeName = (id: string | null) => {
    const programme = id ? programmes.find((p) => p.id === id) : undefined;
    return programme ? pick(programme.title, locale) : t('cpd.other');
  };
  const totals = cpdTotals(entries);
  const time = (minutes: number) => formatDuration(locale, minutes);
  return {
    rows: entries.map((e) => ({
      id: e.id,
      date: formatDateTime(locale, e.completedAt),
      activity: locale === 'cy' ? e.titleCy : e.titleEn,
      kind: t(labelKey('cpd.kind', e.kind)),
      programme: programmeName(e.programmeId),
      minutes: e.minutes,
      time: time(e.minutes),
      reflected: Boolean(e.contribution),
      discussed: e.discussedWith !== null && e.discussedOn !== null,
    })),
    totalTime: time(totals.totalMinutes),
    byProgramme: totals.byProgramme.map((p) => ({ programme: programmeName(p.programmeId), time: time(p.minutes), entries: p.entries })),
    byYear: totals.byYear.map((y) => ({ year: y.year, time: time(y.minutes), entries: y.entries })),
  };
}

/**
 * A learner's reflective log as the page and its export show it, in one language: each entry's
 * module title (null when the module has gone) and its prompt in the reader's language where the
 * module still exists, else as it was saved.
 */
export async function reflectiveLog(scope: Scope, locale: Locale) {
  const entries = await listReflections(scope);
  return Promise.all(
    entries.map(async (e) => {
      const module = e.moduleId ? await getModule(e.moduleId) : null;
      return { id: e.id, createdAt: e.createdAt, moduleTitle: module ? pick(module.title, locale) : null, prompt: module ? pick(module.reflection.prompt, locale) : e.prompt, text: e.text, shared: e.sharedWithMentor };
    }),
  );
}
