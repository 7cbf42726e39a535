// Small helpers the report's figures share (not exported from the capability's index).

/** Records grouped by a key, groups in ascending key order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The arithmetic mean; callers only ask for it on a non-empty list. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** How many distinct people a list of records is about. */
export function distinctPeople(records: readonly { personId: string }[]): number {
  return new Set(records.map((r) => r.personId)).size;
}
