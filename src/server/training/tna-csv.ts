import { nameIn, type Locale } from '../../domain/common/index.ts';
import { labelKey, type Translate } from '../../i18n/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { toCsv } from '../platform/index.ts';
import type { TnaProgramme } from './needs.ts';
import { tnaRows, type TnaFilter } from './tna.ts';

/** A confidence mean as people read it (one decimal), or empty. */
export function confidenceText(mean: number | null): string {
  return mean === null ? '' : (Math.round(mean * 10) / 10).toString();
}

/**
 * The needs analysis as CSV: the page's columns and filters, every row (no pages), in the
 * viewer's language; formula-safe, UTF-8 with a byte-order mark (toCsv). Audited as an export.
 * Null when the viewer may not see the analysis.
 */
export async function tnaCsv(scope: Scope, programmes: readonly TnaProgramme[], filter: TnaFilter, t: Translate, locale: Locale, ip: string | null): Promise<string | null> {
  const found = await tnaRows(scope, programmes, filter);
  if (!found) return null;
  const shown = filter.programmeId ? programmes.filter((p) => p.id === filter.programmeId) : programmes;
  const teamNames = new Map(found.visibleTeams.map((team) => [team.id, nameIn(locale, team)]));
  const header = [
    t('tna.person'),
    t('tna.teams'),
    t('tna.roles'),
    ...shown.flatMap((p) => {
      const title = p.title[locale];
      return [t('tna.need'), t('tna.modulesDone'), t('tna.modulesTotal'), t('tna.workshop'), t('tna.confidenceBefore'), t('tna.confidenceAfter'), t('tna.status')].map((column) => `${title}: ${column}`);
    }),
  ];
  const rows = found.rows.map((r) => [
    r.name,
    r.teamIds.map((id) => teamNames.get(id) ?? '').filter(Boolean).join('; '),
    r.roles.map((role) => t(labelKey('role', role))).join('; '),
    ...r.cells.flatMap((c) => [
      t(labelKey('tna.need', c.need)),
      c.modulesDone,
      c.modulesTotal,
      t(labelKey('tna.workshop', c.workshop)),
      confidenceText(c.confidenceBefore),
      confidenceText(c.confidenceAfter),
      t(labelKey('tna.status', c.status)),
    ]),
  ]);
  await recordAudit(
    scope.db,
    { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'export.created', detail: { export: 'training-needs', rows: rows.length, ...filter }, ip },
    scope.now.getTime(),
  );
  return toCsv(header, rows);
}
