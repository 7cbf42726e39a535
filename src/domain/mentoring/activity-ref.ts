import { ACTIVITY_KINDS, type ActivityKind } from './vocabulary.ts';

/** One assignable activity: its kind and its content id (or a practice task's id). */
export type ActivityRef = { kind: ActivityKind; id: string };

/** The single string a select option carries for an activity, e.g. 'module:rm-threshold'. */
export function activityValue(ref: ActivityRef): string {
  return `${ref.kind}:${ref.id}`;
}

/** Reads a select option's value back; null for an unknown kind or a missing id (bad input, not a bug). */
export function parseActivityValue(value: string): ActivityRef | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const kind = value.slice(0, at);
  const id = value.slice(at + 1).trim();
  if (!id || !(ACTIVITY_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as ActivityKind, id };
}
