/** One month's share of finished threshold decisions that matched the panel's. */
export type MonthAgreement = { month: string; decisions: number; agreed: number; percent: number };

/**
 * Agreement with the panel by calendar month (`YYYY-MM` of each decision's London date), oldest
 * first; decisions on vignettes without a panel answer are left out.
 */
export function agreementByMonth(decisions: readonly { date: string; decision: string; panel: string | null }[]): MonthAgreement[] {
  const months = new Map<string, { decisions: number; agreed: number }>();
  for (const d of decisions) {
    if (d.panel === null) continue;
    const month = d.date.slice(0, 7);
    const m = months.get(month) ?? { decisions: 0, agreed: 0 };
    m.decisions += 1;
    if (d.decision === d.panel) m.agreed += 1;
    months.set(month, m);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, m]) => ({ month, ...m, percent: (m.agreed / m.decisions) * 100 }));
}
