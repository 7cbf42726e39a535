/** A submitted form as plain values: repeatable fields as lists, the rest as one string. */
export type FormValues = Record<string, string | string[]>;

/** What a form can be read from: FormData (server or browser) or URLSearchParams. */
export type FormSource = { keys(): IterableIterator<string>; getAll(name: string): unknown[] };

/**
 * Reads a form into plain values, the same way on the server and in an island. Fields named in
 * `multi` (checkboxes, multi-selects) keep every value and are [] when none was sent; any other
 * field keeps its first value. Files are ignored. `maxLength` cuts each value to that length.
 */
export function readFormValues(source: FormSource, options: { multi?: readonly string[]; maxLength?: number } = {}): FormValues {
  const { multi = [], maxLength = Infinity } = options;
  const values: FormValues = {};
  for (const key of new Set(source.keys())) {
    const all = source.getAll(key).filter((v): v is string => typeof v === 'string').map((v) => (v.length > maxLength ? v.slice(0, maxLength) : v));
    if (multi.includes(key)) values[key] = all;
    else if (all.length) values[key] = all[0]!;
  }
  for (const key of multi) values[key] ??= [];
  return values;
}
