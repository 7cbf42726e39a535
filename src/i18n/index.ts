import { hoursAndMinutes } from '../domain/cpd/index.ts';
import { intlLocale, type Locale } from '../domain/common/index.ts';

// Formatting by language lives with the locale rules (islands use it without the message tables).
export { formatDay, intlLocale } from '../domain/common/index.ts';
import { cy } from './cy/index.ts';
import { interpolate, type MessageParams } from './interpolate.ts';
import { en, type MessageKey, type Messages } from './en/index.ts';

export type { MessageKey, Messages };
export { interpolate, type MessageParams };
export const messages: Record<Locale, Messages> = { en, cy };

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The message keys one level or more under `prefix`: `KeysUnder<'role'>` is `'role.learner' | …`. */
export type KeysUnder<P extends string> = Extract<MessageKey, `${P}.${string}`>;
/** The values that have a message under `prefix`: `ChoicesOf<'role'>` is `'learner' | 'mentor' | …`. */
export type ChoicesOf<P extends string, K = KeysUnder<P>> = K extends `${P}.${infer V}` ? V : never;

/**
 * The key of the message that names `value` of a fixed vocabulary (`labelKey('role', r)`), so a
 * dynamic key needs no cast and a vocabulary value without a message is a type error here.
 */
export function labelKey<P extends string, V extends ChoicesOf<P>>(prefix: P, value: V): KeysUnder<P> {
  // The constraint on V is the proof; the template type itself cannot be narrowed to a key.
  return `${prefix}.${value}` as KeysUnder<P>;
}

/** A translator for one language; `{name}` placeholders are filled from `params`. */
export function translator(locale: Locale): Translate {
  const table = messages[locale];
  return (key, params) => interpolate(table[key], params);
}


/** The strings an island needs, looked up once on the server and typed as exactly those keys. */
export function labelsFor<K extends MessageKey>(t: Translate, keys: readonly K[]): Pick<Messages, K> {
  // fromEntries cannot carry the key type; the entries are exactly `keys`.
  return Object.fromEntries(keys.map((k) => [k, t(k)])) as Pick<Messages, K>;
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}


/** A CPD time in hours and minutes, as the record shows it: "1 h 30 min" / "1 awr 30 mun". */
export function formatDuration(locale: Locale, totalMinutes: number): string {
  const { hours, minutes } = hoursAndMinutes(totalMinutes);
  const t = translator(locale);
  if (hours === 0) return t('cpd.duration.minutes', { minutes });
  return minutes === 0 ? t('cpd.duration.hours', { hours }) : t('cpd.duration.hoursMinutes', { hours, minutes });
}

export function formatDateTime(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(ms);
}

/** Keys present in one language and missing in the other (used by the build check and tests). */
export function missingKeys(): { missingInCy: string[]; missingInEn: string[] } {
  const enKeys = Object.keys(en);
  const cyKeys = Object.keys(cy);
  return {
    missingInCy: enKeys.filter((k) => !cyKeys.includes(k) || !(cy as Record<string, string>)[k]?.trim()),
    missingInEn: cyKeys.filter((k) => !enKeys.includes(k)),
  };
}

export { fieldErrorText } from './field-error.ts';
