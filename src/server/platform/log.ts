// Anything a client sent may be in a log line: keep it short and on one visible line.

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * A value fit for a log line: control characters, line breaks and bidirectional marks escaped
 * as \u{…}, and at most `max` characters (with how many more there were).
 */
export function logSafe(value: string, max = 100): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  const escaped = cut.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  return value.length > max ? `${escaped}… (${value.length - max} more characters)` : escaped;
}
