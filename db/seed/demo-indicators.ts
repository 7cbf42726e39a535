// Demo data for the evaluation report's Results level: eight ended quarters of aggregate service
// indicators for the demo organisation, entered by the demo admin, with one figure corrected later so
// the change history shows. Plausible, invented numbers for a small authority; no case data.
import type { Db } from '../client.ts';
import { indicatorEntries } from '../schema/index.ts';
import type { ServiceIndicator } from '../../src/domain/evaluation/index.ts';

const ORG = 'demo-org';
const DAY = 86_400_000;
const QUARTERS = 8;

// Oldest quarter first: the share of conferences ending with three or fewer areas of change and of
// timely core groups rises after the pilot, as a service hopes; nothing here claims it is why.
const SERIES: Record<ServiceIndicator, readonly number[]> = {
  'children-on-register': [104, 98, 101, 95, 92, 96, 89, 86],
  registrations: [31, 27, 30, 26, 25, 28, 24, 23],
  deregistrations: [28, 33, 27, 32, 28, 24, 31, 26],
  're-registrations-12-months': [4, 3, 4, 3, 2, 3, 2, 1],
  'average-days-on-register': [298, 305, 287, 276, 281, 262, 254, 249],
  'initial-conferences': [29, 26, 30, 25, 24, 27, 23, 22],
  'initial-conferences-three-or-fewer-areas': [11, 10, 13, 12, 14, 17, 16, 17],
  'core-groups': [31, 27, 30, 26, 25, 28, 24, 23],
  'core-groups-within-10-working-days': [22, 20, 23, 21, 21, 25, 22, 22],
};

/** The `count` calendar quarters (YYYY-Qn) before the one `now` falls in, oldest first, with each one's first day after it as ms. */
function endedQuarters(now: number, count: number): { quarter: string; endedAt: number }[] {
  const date = new Date(now);
  let year = date.getUTCFullYear();
  let q = Math.floor(date.getUTCMonth() / 3) + 1;
  const quarters: { quarter: string; endedAt: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    const endedAt = Date.UTC(year, (q - 1) * 3, 1);
    q -= 1;
    if (q === 0) [year, q] = [year - 1, 4];
    quarters.unshift({ quarter: `${year}-Q${q}`, endedAt });
  }
  return quarters;
}

/** Adds the demo's service indicators, entered a few weeks after each quarter ended (never after `now`). */
export async function seedDemoIndicators(db: Db, now: number): Promise<void> {
  const quarters = endedQuarters(now, QUARTERS);
  const rows = quarters.flatMap(({ quarter, endedAt }, i) => {
    const enteredAt = endedAt + Math.floor(Math.min(20 * DAY, (now - endedAt) / 3));
    return (Object.keys(SERIES) as ServiceIndicator[]).map((indicator) => ({
      id: `demo-indicator-${quarter}-${indicator}`,
      organisationId: ORG,
      quarter,
      indicator,
      value: SERIES[indicator][i]!,
      authorId: 'demo-admin',
      recordedAt: enteredAt,
    }));
  });
  // The latest quarter's registrations were first typed as 32 and corrected a few days later (still before `now`).
  const latest = quarters.at(-1)!;
  const entered = rows.find((r) => r.quarter === latest.quarter && r.indicator === 'registrations')!;
  rows.push({ ...entered, id: `${entered.id}-corrected`, recordedAt: entered.recordedAt + Math.floor(Math.min(3 * DAY, (now - latest.endedAt) / 3)) });
  entered.value = 32;
  await db.insert(indicatorEntries).values(rows).onConflictDoNothing();
}
